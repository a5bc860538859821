package org.kaoping.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.kaoping.authoring.RubricImport;
import org.kaoping.authoring.TemplateCommand;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.schedule.ServeCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line: {@code run <campaign>}, {@code check <campaign>}, {@code history <campaign>}, {@code serve},
 * {@code template <campaign>}, {@code rubric import <table> --id <rubric>}, {@code help}; options ({@code --kaoping.home=…}) are Spring's. The process exits with the command's code
 * ({@link ExitCodes}).
 */
@Component
public class CommandLine implements ApplicationRunner, ExitCodeGenerator {
    static final String USAGE = """
            用法: bin/kaoping <命令> [--kaoping.home=目录]
              run <考核代码>      汇总一次考核（config/campaigns/<考核代码>.yml），如 run demo
              check <考核代码>    检查配置，列出下次运行会读取、拒收、忽略的文件（不写任何东西）
              history <考核代码>  列出该考核的历次运行
              serve               按各考核的 schedule 定时运行，直到按 Ctrl+C
              template <考核代码> [--matrix] [--force]
                                  写出供各单位、各考核组填写的表格 templates/<考核代码>/
              rubric import <表格> --id <细则代码> [--force]
                                  由自查打分表（.xlsx/.xls）生成评分细则 config/rubrics/<细则代码>.yml
              help                显示本说明
            返回值: 0 完成，1 运行失败，2 命令写错，3 配置有误，4 同一考核正在运行""";

    private final CampaignRun campaignRun;
    private final ServeCommand serve;
    private final RunHistory history;
    private final CheckCommand check;
    private final RubricImport rubricImport;
    private final TemplateCommand template;
    private int exitCode = ExitCodes.OK;

    public CommandLine(CampaignRun campaignRun, ServeCommand serve, RunHistory history, CheckCommand check,
                       RubricImport rubricImport, TemplateCommand template) {
        this.campaignRun = campaignRun;
        this.serve = serve;
        this.history = history;
        this.check = check;
        this.rubricImport = rubricImport;
        this.template = template;
    }

    /** A command's own options: {@code --id} of {@code rubric import}, {@code --force} of it and {@code template}. */
    record Options(String id, boolean force, boolean matrix) {
        static final Options NONE = new Options(null, false, false);
    }

    @Override
    public void run(ApplicationArguments args) {
        Request request = Request.of(args);
        exitCode = execute(request.words(), request.helpOption(), request.options(), System.out, System.err);
    }

    /**
     * Help, and a command line that names no command, answered before the application starts: a typing mistake then
     * opens no database and makes no {@code data/} folder wherever it was typed, and help is printed at once. Empty
     * when the command line is one to run.
     */
    public static OptionalInt answerBeforeStart(String[] args, PrintStream out, PrintStream err) {
        Request request = Request.of(new DefaultApplicationArguments(args));
        Command command = Command.of(request.words(), request.helpOption(), request.options());
        return command == Command.HELP || command == Command.UNKNOWN
                ? OptionalInt.of(answer(command, request.words(), out, err))
                : OptionalInt.empty();
    }

    int execute(List<String> words, boolean helpOption, PrintStream out, PrintStream err) {
        return execute(words, helpOption, Options.NONE, out, err);
    }

    int execute(List<String> words, boolean helpOption, Options options, PrintStream out, PrintStream err) {
        Command command = Command.of(words, helpOption, options);
        return switch (command) {
            case SERVE -> serve.serve();
            case HISTORY -> {
                history.print(words.get(1), out);
                yield ExitCodes.OK;
            }
            case CHECK -> check.check(words.get(1), out, err);
            case RUN -> campaignRun.run(words.get(1));
            case TEMPLATE -> template.write(words.get(1), options.force(), options.matrix(), out, err);
            case RUBRIC_IMPORT -> rubricImport.run(Path.of(words.get(2)), options.id(), options.force(), out, err);
            case HELP, UNKNOWN -> answer(command, words, out, err);
        };
    }

    private static int answer(Command command, List<String> words, PrintStream out, PrintStream err) {
        if (command == Command.HELP) {
            out.println(USAGE);
            return ExitCodes.OK;
        }
        err.println(words.isEmpty() ? "缺少命令" : "无法识别的命令：" + String.join(" ", words));
        err.println(USAGE);
        return ExitCodes.USAGE;
    }

    /** The command line's words and options, as Spring reads them. */
    private record Request(List<String> words, boolean helpOption, Options options) {
        static Request of(ApplicationArguments args) {
            List<String> ids = args.containsOption("id") ? args.getOptionValues("id") : List.of();
            List<String> words = args.getNonOptionArgs();
            String id = ids.isEmpty() ? null : ids.get(0);
            if (args.containsOption("id") && id == null && words.size() == 4) {
                // --id shanxi-2020, written apart: Spring reads the code as a word of its own.
                id = words.get(3);
                words = words.subList(0, 3);
            }
            return new Request(words, args.containsOption("help"),
                    new Options(id, args.containsOption("force"), args.containsOption("matrix")));
        }
    }

    private enum Command {
        HELP, SERVE, HISTORY, CHECK, RUN, TEMPLATE, RUBRIC_IMPORT, UNKNOWN;

        static Command of(List<String> words, boolean helpOption, Options options) {
            String first = words.isEmpty() ? "" : words.get(0);
            if (helpOption || (words.size() == 1 && List.of("help", "-h").contains(first))) {
                return HELP;
            }
            if (words.size() == 1 && first.equals("serve")) {
                return SERVE;
            }
            if (words.size() == 2) {
                return switch (first) {
                    case "history" -> HISTORY;
                    case "check" -> CHECK;
                    case "run" -> RUN;
                    case "template" -> TEMPLATE;
                    default -> UNKNOWN;
                };
            }
            return words.size() == 3 && first.equals("rubric") && words.get(1).equals("import") && options.id() != null
                    ? RUBRIC_IMPORT : UNKNOWN;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
