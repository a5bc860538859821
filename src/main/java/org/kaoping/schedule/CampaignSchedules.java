package org.kaoping.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.kaoping.campaign.CampaignException;
import org.kaoping.campaign.CampaignLoader;
import org.kaoping.campaign.KaopingHome;
import org.quartz.CronExpression;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the {@code schedule:}, {@code schedule-zone:} and {@code watch:} keys of every {@code config/campaigns/*.yml}.
 * Only {@code serve} reads them; a {@code run} ignores them. A value that is not a valid Quartz cron expression is an error naming the file and
 * the value: a schedule silently skipped would be a night without results that nobody notices.
 */
public final class CampaignSchedules {
    public static final String KEY = "schedule";
    public static final String ZONE_KEY = "schedule-zone";
    public static final String WATCH_KEY = "watch";

    /** Campaigns with a schedule, by code; throws {@link CampaignException} on the first invalid one. */
    public List<CampaignSchedule> read(KaopingHome home) {
        List<CampaignSchedule> out = new ArrayList<>();
        for (Config c : configs(home, KEY)) {
            out.add(new CampaignSchedule(c.code(), check(c.name(), c.settings().get(KEY)),
                    zone(c.name(), c.settings().get(ZONE_KEY)), c.file()));
        }
        return out;
    }

    /** Campaigns with {@code watch:}, by code; throws {@link CampaignException} on the first invalid one. */
    public List<CampaignWatch> watches(KaopingHome home) {
        List<CampaignWatch> out = new ArrayList<>();
        for (Config c : configs(home, WATCH_KEY)) {
            out.add(new CampaignWatch(c.code(), quiet(c.name(), c.settings().get(WATCH_KEY))));
        }
        return out;
    }

    /** A campaign file that sets {@code key}: its code, file and settings. */
    private record Config(String code, Path file, Map<?, ?> settings) {
        String name() {
            return file.getFileName().toString();
        }
    }

    private static List<Config> configs(KaopingHome home, String key) {
        Path folder = home.config().resolve("campaigns");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new CampaignException("无法列出 " + folder + "：" + e.getMessage(), e);
        }
        List<Config> out = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String code = name.substring(0, name.length() - ".yml".length());
            Map<?, ?> settings = settings(file);
            Object value = settings.get(key);
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            if (!CampaignLoader.isValidCode(code)) {
                throw new CampaignException("考核配置 " + name + " 有 " + key + "，但考核代码“" + code
                        + "”无效：只能使用字母、数字、点、下划线和连字符");
            }
            out.add(new Config(code, file, settings));
        }
        return out;
    }

    /** {@code watch:}, a quiet period such as {@code 5s} or {@code 2m}, from a second to a day. */
    private static Duration quiet(String file, Object value) {
        Duration quiet;
        try {
            quiet = DurationStyle.detectAndParse(value.toString().strip());
        } catch (IllegalArgumentException e) {
            quiet = null;
        }
        if (quiet == null || quiet.compareTo(Duration.ofSeconds(1)) < 0 || quiet.compareTo(Duration.ofDays(1)) > 0) {
            throw new CampaignException("考核配置 " + file + " 的 watch：“" + value + "”不是 1 秒到 1 天之间的时长；"
                    + "应写成如 5s、2m（文件变化后静置这么久即汇总）");
        }
        return quiet;
    }

    private static String check(String file, Object value) {
        if (!(value instanceof String text)) {
            throw new CampaignException("考核配置 " + file + " 的 schedule：“" + value + "”不是 Quartz cron 表达式；"
                    + "应写成带引号的字符串（秒 分 时 日 月 星期），如 \"0 0 2 * * ?\" 表示每天 2 点");
        }
        String cron = text.strip();
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw invalid(file, value, e.getMessage());
        }
        if (expression.getNextValidTimeAfter(new Date()) == null) {
            throw invalid(file, value, "以后不会再触发");
        }
        return cron;
    }

    private static CampaignException invalid(String file, Object value, String reason) {
        return new CampaignException("考核配置 " + file + " 的 schedule：“" + value + "”不是有效的 Quartz cron 表达式（"
                + reason + "）；格式为 秒 分 时 日 月 星期，如 \"0 0 2 * * ?\" 表示每天 2 点");
    }

    /** {@code schedule-zone:}, a time-zone id such as {@code Asia/Shanghai}; the server's when not given. */
    private static TimeZone zone(String file, Object value) {
        if (value == null || value.toString().isBlank()) {
            return TimeZone.getDefault();
        }
        try {
            return TimeZone.getTimeZone(ZoneId.of(value.toString().strip()));
        } catch (DateTimeException e) {
            throw new CampaignException("考核配置 " + file + " 的 schedule-zone：“" + value + "”不是时区；应写成如 Asia/Shanghai");
        }
    }

    private static Map<?, ?> settings(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(loaded instanceof Map<?, ?> m)) {
                return Map.of();
            }
            // A misspelt key in any campaign file stops serve, as it stops run: "shedule:" must not mean "never".
            CampaignLoader.checkKeys(file.getFileName().toString(), m);
            return m;
        } catch (IOException | YAMLException e) {
            throw new CampaignException("无法读取考核配置 " + file + "：" + e.getMessage(), e);
        }
    }
}
