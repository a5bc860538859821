package org.kaoping.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.support.TestHome;

class CampaignSetupTest {
    @TempDir
    Path dir;

    /** 责任部门 and 责任人 come from the map; stored results keyed by the context must not outlive a change to it. */
    @Test
    void contextKeyChangesWithTheResponsibilityMapTheRubricNames() throws Exception {
        TestHome home = new TestHome(dir);
        TestHome.copyFile(Path.of("config/rosters/shanxi-2020-demo.xlsx"), dir.resolve("config/rosters/demo.xlsx"));
        TestHome.write(dir.resolve("config/rubrics/fujian.yml"), """
                code: fujian
                name: 文明单位测评（测试）
                responsibilities: quanzhou-jinrong
                categories:
                  - code: 一
                    max: 4
                    leaves:
                      - {code: "Ⅲ-1", name: 领导重视, max: 4}
                """);
        TestHome.write(dir.resolve("config/campaigns/c.yml"), "name: 测试\nrubric: fujian\nroster: rosters/demo.xlsx\n");
        KaopingHome kaoping = new KaopingHome(home.root());
        String before = new CampaignSetupLoader().load(kaoping, "c").contextKey();
        assertThat(new CampaignSetupLoader().load(kaoping, "c").contextKey()).isEqualTo(before);

        Files.writeString(dir.resolve("config/rubrics/quanzhou-jinrong.yml"), "\n# 责任人调整\n", StandardOpenOption.APPEND);

        assertThat(new CampaignSetupLoader().load(kaoping, "c").contextKey()).isNotEqualTo(before);
    }
}
