package org.kaoping.authoring;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.CampaignSetupLoader;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.roster.RosterUnit;
import org.kaoping.run.ExitCodes;
import org.kaoping.text.Text;
import org.springframework.stereotype.Component;

/**
 * {@code template <campaign> [--matrix] [--force]}: fill-in workbooks under {@code templates/<campaign>/} in the home,
 * that kaoping reads back as they are typed: {@code self/<单位名称>自评表.xlsx} for every roster unit and
 * {@code inspection/<考核组>评分表.xlsx} for every group, a sheet per unit it scores (with {@code --matrix}, one 汇总表
 * of units × leaves). A file already there (perhaps
 * being filled in) is left as it is unless {@code --force}.
 */
@Component
public class TemplateCommand {
    private final KaopingHome home;
    private final CampaignSetupLoader loader;

    public TemplateCommand(KaopingHome home, CampaignSetupLoader loader) {
        this.home = home;
        this.loader = loader;
    }

    public int write(String campaign, boolean force, boolean matrix, PrintStream out, PrintStream err) {
        Optional<CampaignSetup> loaded = loader.loadOrExplain(home, campaign, err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        CampaignSetup setup = loaded.get();
        Path folder = home.root().resolve("templates").resolve(campaign);
        String name = setup.campaign().name();
        int written = 0;
        int kept = 0;
        try {
            for (RosterUnit unit : setup.roster().units()) {
                Path file = folder.resolve("self").resolve(Text.fileName(unit.name()) + "自评表.xlsx");
                if (Files.exists(file) && !force) {
                    kept++;
                    continue;
                }
                TemplateWorkbook workbook = new TemplateWorkbook(setup.rubric(), name, setup.campaign().scoreStep());
                workbook.scoreSheet("自评表", "填报单位", unit.name(), null);
                workbook.adjustmentSheet(null);
                workbook.write(file);
                written++;
            }
            for (Map.Entry<String, List<RosterUnit>> group : groups(setup.roster().units()).entrySet()) {
                Path file = folder.resolve("inspection").resolve(Text.fileName(group.getKey()) + "评分表.xlsx");
                if (Files.exists(file) && !force) {
                    kept++;
                    continue;
                }
                TemplateWorkbook workbook = new TemplateWorkbook(setup.rubric(), name, setup.campaign().scoreStep());
                List<String> units = group.getValue().stream().map(RosterUnit::name).toList();
                if (matrix) {
                    workbook.matrixSheet(group.getKey(), units);
                } else {
                    for (String unit : units) {
                        workbook.scoreSheet(unit, "被考核单位", unit, group.getKey());
                    }
                }
                workbook.adjustmentSheet(units);
                workbook.write(file);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + folder, e);
        }
        out.println("已写出 " + written + " 份表格到 " + home.root().relativize(folder)
                + (kept == 0 ? "" : "；" + kept + " 份已存在，未覆盖（要重新生成请加 --force）"));
        return ExitCodes.OK;
    }

    /** The roster's groups in order, with the units each scores; units without a group are in none. */
    private static Map<String, List<RosterUnit>> groups(List<RosterUnit> units) {
        Map<String, List<RosterUnit>> out = new LinkedHashMap<>();
        for (RosterUnit unit : units) {
            if (unit.group() != null && !unit.group().isBlank()) {
                out.computeIfAbsent(unit.group().strip(), g -> new ArrayList<>()).add(unit);
            }
        }
        return out;
    }
}
