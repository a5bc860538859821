package org.kaoping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.kaoping.cli.CommandLine;
import org.kaoping.report.WorkbookWriterStart;
import org.kaoping.run.ExitCodes;
import org.kaoping.run.SetupHeadStart;
import org.kaoping.schedule.ServeConfigurationCheck;
import org.kaoping.store.DatabaseSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(KaopingProperties.class)
public class KaopingApplication {
    public static void main(String[] args) {
        // The build's AOT processing starts the application with no command; it must reach the context.
        if (!Boolean.getBoolean("spring.aot.processing")) {
            OptionalInt answered = CommandLine.answerBeforeStart(args, System.out, System.err);
            if (answered.isPresent()) {
                System.exit(answered.getAsInt());
            }
        }
        SpringApplication application = new SpringApplication(KaopingApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        // settings of the home (spring.datasource.* for a shared database, kaoping.*) in its config/, wherever it is
        defaults.put("spring.config.additional-location", "optional:file:${kaoping.home:.}/config/");
        application.addListeners(new SettingsCheck(), new DatabaseSettings());
        // The command's words, as CommandLine reads them: the arguments that are not --options.
        List<String> words = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        if (words.size() == 2 && words.get(0).equals("run")) {
            WorkbookWriterStart.begin();
            application.addListeners(new SetupHeadStart(words.get(1)));
        }
        if (words.size() == 1 && words.get(0).equals("serve")) {
            application.addListeners(new ServeConfigurationCheck());
            // serve runs unattended: its log also goes to logs/ in the home, rotated (10 MB a file, 7 days)
            defaults.put("logging.file.name", "${kaoping.home:.}/logs/kaoping-serve.log");
        }
        if (!words.isEmpty() && List.of("check", "template", "rubric").contains(words.get(0))) {
            // These store nothing: a database in memory, so that not even a new home's data/ is made, and a shared
            // database that is down or far away is not needed to check a campaign or write its forms.
            defaults.put("kaoping.database.url", "jdbc:h2:mem:kaoping-" + words.get(0));
        }
        application.setDefaultProperties(defaults);
        int exit;
        try {
            exit = SpringApplication.exit(application.run(args));
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // the build's AOT processing stops the application this way
        } catch (RuntimeException e) {
            exit = ExitCodes.FAILED; // why it could not start has been reported (store.DatabaseUnreachable, or Boot)
        }
        System.exit(exit);
    }
}
