package org.kaoping;

import org.kaoping.report.WorkbookWriterStart;
import org.kaoping.run.SetupHeadStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(KaopingProperties.class)
public class KaopingApplication {
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(KaopingApplication.class);
        SetupHeadStart.forCommand(args).ifPresent(headStart -> {
            WorkbookWriterStart.begin();
            application.addListeners(headStart);
        });
        System.exit(SpringApplication.exit(application.run(args)));
    }
}
