package org.kaoping.run;

import java.nio.file.Path;
import org.kaoping.campaign.KaopingHome;

/**
 * A second process for {@code CampaignOverlapTest}: takes a campaign's lock, says {@code locked} on stdout, and
 * holds it until its stdin is closed (or the parent is gone).
 */
public final class LockHolder {
    public static final String LOCKED = "locked";

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (CampaignLock lock = CampaignLock.tryAcquire(new KaopingHome(Path.of(args[0])), args[1])) {
            System.out.println(lock.held() ? LOCKED : "busy");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}
