package org.kaoping.authoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.read.SheetGrid;
import org.kaoping.read.WorkbookGridReader;
import org.kaoping.read.WorkbookReadException;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricException;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.run.ExitCodes;
import org.springframework.stereotype.Component;

/**
 * {@code rubric import <table.xlsx|.xls> --id <rubric-id> [--force]}: writes {@code config/rubrics/<rubric-id>.yml}
 * from an office's blank 自查打分表. The file is checked as any rubric is (sums, codes) before it takes its place, and an
 * existing file is replaced only when asked.
 */
@Component
public class RubricImport {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final KaopingHome home;

    public RubricImport(KaopingHome home) {
        this.home = home;
    }

    public int run(Path table, String id, boolean force, PrintStream out, PrintStream err) {
        if (id == null || !ID.matcher(id).matches()) {
            err.println("细则代码“" + id + "”无效：只能使用字母、数字、点、下划线和连字符（--id shanxi-2020）");
            return ExitCodes.USAGE;
        }
        Path target = home.rubricFile(id);
        if (Files.exists(target) && !force) {
            err.println("已有 " + home.root().relativize(target) + "，未覆盖；要以表格重新生成请加 --force");
            return ExitCodes.BAD_CONFIG;
        }
        if (!Files.isRegularFile(table)) {
            err.println("找不到表格 " + table);
            return ExitCodes.FAILED;
        }
        RubricDraft draft;
        try {
            List<SheetGrid> sheets = new WorkbookGridReader().read(table);
            draft = RubricTable.read(table.getFileName().toString(), sheets);
        } catch (WorkbookReadException | AuthoringException e) {
            err.println("无法导入：" + e.getMessage());
            return ExitCodes.FAILED;
        }
        String yaml = RubricYaml.write(id, draft, table.getFileName().toString());
        Rubric rubric;
        try {
            rubric = new RubricLoader().load(target.getFileName().toString(),
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (RubricException e) {
            err.println("无法导入：由表格生成的评分细则有误，未写出：" + e.getMessage());
            return ExitCodes.BAD_CONFIG;
        }
        try {
            Files.createDirectories(target.getParent());
            Path written = Files.createTempFile(target.getParent(), ".import-", ".yml");
            try {
                Files.writeString(written, yaml, StandardCharsets.UTF_8);
                move(written, target);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + target, e);
        }
        out.println("已写出 " + home.root().relativize(target) + "：" + rubric.categories().size() + " 个一级指标，"
                + rubric.leaves().size() + " 个评分项，满分 " + rubric.max().stripTrailingZeros().toPlainString()
                + (draft.prose().isEmpty() ? "" : "；表中 " + draft.prose().size() + " 行文字规定照录为注释（“"
                + RubricYaml.TO_DO + "”），请写成规则"));
        return ExitCodes.OK;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
