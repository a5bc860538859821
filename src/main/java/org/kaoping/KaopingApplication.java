package org.kaoping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KaopingApplication {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(KaopingApplication.class, args)));
    }
}
