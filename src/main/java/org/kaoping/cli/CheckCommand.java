package org.kaoping.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.CampaignSetupLoader;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.intake.InputFile;
import org.kaoping.intake.InputScanner;
import org.kaoping.normalize.ParsedWorkbook;
import org.kaoping.normalize.WorkbookParser;
import org.kaoping.read.ReadLimits;
import org.kaoping.run.ExitCodes;
import org.springframework.stereotype.Component;

/**
 * {@code check <campaign>}: validates the campaign, its rubric and roster as a run would, then lists what the next
 * run would read, refuse or ignore, and why. It stores nothing and writes no output.
 */
@Component
public class CheckCommand {
    private final KaopingHome home;
    private final CampaignSetupLoader loader;
    private final ReadLimits limits;

    public CheckCommand(KaopingHome home, CampaignSetupLoader loader, ReadLimits limits) {
        this.home = home;
        this.loader = loader;
        this.limits = limits;
    }

    public int check(String campaign, PrintStream out, PrintStream err) {
        Optional<CampaignSetup> loaded = loader.loadOrExplain(home, campaign, err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        CampaignSetup setup = loaded.get();
        out.println("考核 " + campaign + "（" + setup.campaign().name() + "）：评分细则 " + setup.rubric().code() + "，"
                + setup.rubric().leaves().size() + " 个评分项；单位名单 " + setup.roster().units().size() + " 个单位");
        List<InputFile> files = new InputScanner(limits).scan(home.input(campaign));
        WorkbookParser parser = new WorkbookParser(setup.rubric(), setup.roster(), limits);
        int read = 0;
        int refused = 0;
        int ignored = 0;
        for (InputFile file : files) {
            if (!file.readable()) {
                out.println("  忽略 " + file.path() + "：" + file.ignored());
                ignored++;
                continue;
            }
            ParsedWorkbook workbook = parser.parse(file, home.input(campaign).resolve(file.path()));
            if (workbook.rejected()) {
                out.println("  拒收 " + file.path() + "：" + workbook.rejection());
                refused++;
            } else {
                out.println("  读取 " + file.path() + "：" + workbook.summary());
                read++;
            }
        }
        out.println("下次运行将读取 " + read + " 个工作簿，拒收 " + refused + " 个，忽略 " + ignored + " 个文件（"
                + home.input(campaign) + "）");
        return ExitCodes.OK;
    }
}
