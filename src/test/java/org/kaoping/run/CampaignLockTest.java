package org.kaoping.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.campaign.CampaignException;
import org.kaoping.campaign.KaopingHome;

class CampaignLockTest {
    @TempDir
    Path root;

    @Test
    void oneHolderAtATimeAndTheLockLivesUnderData() throws IOException {
        KaopingHome home = new KaopingHome(root);
        try (CampaignLock first = CampaignLock.tryAcquire(home, "demo")) {
            assertThat(first.held()).isTrue();
            assertThat(first.file()).isEqualTo(root.resolve("data/locks/demo.lock"));
            assertThat(Files.readString(first.file())).contains("进程 " + ProcessHandle.current().pid());
            try (CampaignLock second = CampaignLock.tryAcquire(home, "demo")) {
                assertThat(second.held()).isFalse();
                assertThat(second.refusal()).contains("考核“demo”正在运行", "进程 " + ProcessHandle.current().pid(),
                        "demo.lock");
            }
            try (CampaignLock other = CampaignLock.tryAcquire(home, "other")) {
                assertThat(other.held()).isTrue();
            }
        }
        try (CampaignLock again = CampaignLock.tryAcquire(home, "demo")) {
            assertThat(again.held()).isTrue();
        }
        assertThat(root.resolve("input")).doesNotExist();
    }

    @Test
    void aCodeThatIsNotAFileNameIsRefused() {
        assertThatThrownBy(() -> CampaignLock.tryAcquire(new KaopingHome(root), "../etc"))
                .isInstanceOf(CampaignException.class).hasMessageContaining("考核代码“../etc”无效");
        assertThat(root.resolve("data")).doesNotExist();
    }
}
