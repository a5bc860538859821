package org.kaoping;

import org.kaoping.report.WorkbookWriterStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(KaopingProperties.class)
public class KaopingApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("run")) {
            WorkbookWriterStart.begin();
        }
        System.exit(SpringApplication.exit(SpringApplication.run(KaopingApplication.class, args)));
    }
}
