package org.kaoping.campaign;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kaoping.scoring.GapThresholds;
import org.kaoping.scoring.ranking.RankingRules;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads {@code config/campaigns/<code>.yml}; its keys are in docs/configuration.md, and no other key is accepted. */
public final class CampaignLoader {
    /** Every key a campaign file may have ({@code schedule}, {@code schedule-zone}, {@code watch}: {@code serve} only). */
    public static final List<String> KEYS = List.of("name", "rubric", "roster", "gaps", "ranking", "retention",
            "feedback", "score-step", "schedule", "schedule-zone", "watch");
    static final List<String> GAP_KEYS = List.of("leaf", "total");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** A campaign code is a file name: letters, digits, {@code .}, {@code _} and {@code -}. */
    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public Campaign load(KaopingHome home, String code) {
        if (!isValidCode(code)) {
            throw new CampaignException("考核代码“" + code + "”无效：只能使用字母、数字、点、下划线和连字符");
        }
        Path file = home.campaignFile(code);
        if (!Files.isRegularFile(file)) {
            throw new CampaignException("未知的考核“" + code + "”：找不到 " + file);
        }
        Map<?, ?> doc;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            doc = loaded instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException | YAMLException e) {
            throw new CampaignException("无法读取考核配置 " + file + "：" + e.getMessage(), e);
        }
        checkKeys(file.getFileName().toString(), doc);
        String rubric = string(doc, "rubric", file);
        String roster = string(doc, "roster", file);
        Object name = doc.get("name");
        Map<?, ?> gaps = doc.get("gaps") instanceof Map<?, ?> g ? g : Map.of();
        GapThresholds thresholds = new GapThresholds(
                decimal(gaps.get("leaf"), GapThresholds.DEFAULT.leaf(), file),
                decimal(gaps.get("total"), GapThresholds.DEFAULT.total(), file));
        RankingRules ranking = new RankingRulesParser(file.getFileName().toString())
                .parse(doc.get(RankingRulesParser.KEY));
        Path rosterFile = home.config().resolve(roster).normalize();
        return new Campaign(code, name == null ? code : name.toString(), rubric, home.rubricFile(rubric), rosterFile,
                thresholds, ranking, retention(doc.get("retention"), file), feedback(doc.get("feedback"), file),
                scoreStep(doc.get("score-step"), file));
    }

    /** Refuses any key of a campaign file (top level, {@code gaps}) that kaoping does not read. */
    public static void checkKeys(String file, Map<?, ?> doc) {
        KnownKeys.check(file, "", doc, KEYS);
        if (doc.get("gaps") instanceof Map<?, ?> gaps) {
            KnownKeys.check(file, "gaps", gaps, GAP_KEYS);
        }
    }

    /** How many run folders to keep; a typo must not silently delete results, so anything but a count is refused. */
    private static Integer retention(Object v, Path file) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer n && n > 0) {
            return n;
        }
        throw new CampaignException("考核配置 " + file.getFileName() + " 的 retention：“" + v + "”不是正整数（保留最近几次运行的结果）");
    }

    /** Whether units get a 反馈表: on unless {@code feedback: false}; anything but true or false is refused. */
    private static boolean feedback(Object v, Path file) {
        if (v == null) {
            return true;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new CampaignException("考核配置 " + file.getFileName() + " 的 feedback：“" + v + "”应为 true 或 false（是否为每个单位写反馈表）");
    }

    /** The steps a score is typed in on the fill-in forms ({@code template}): a positive number, 0.5 unless given. */
    private static BigDecimal scoreStep(Object v, Path file) {
        if (v == null) {
            return Campaign.SCORE_STEP;
        }
        BigDecimal step = decimal(v, null, file);
        if (step.signum() <= 0) {
            throw new CampaignException("考核配置 " + file.getFileName() + " 的 score-step：“" + v
                    + "”应为正数（填写得分的最小单位，如 0.5）");
        }
        return step;
    }

    private static String string(Map<?, ?> doc, String key, Path file) {
        Object v = doc.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new CampaignException("考核配置 " + file.getFileName() + " 缺少 " + key);
        }
        return v.toString().strip();
    }

    private static BigDecimal decimal(Object v, BigDecimal fallback, Path file) {
        if (v == null) {
            return fallback;
        }
        try {
            return new BigDecimal(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new CampaignException("考核配置 " + file.getFileName() + "：“" + v + "”不是数值");
        }
    }
}
