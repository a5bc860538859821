package org.kaoping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(KaopingProperties.class)
public class KaopingApplication {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(KaopingApplication.class, args)));
    }
}
