package org.kaoping.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.intake.InputScanner;
import org.kaoping.intake.InputScanner.Stamp;
import org.kaoping.run.CampaignRunner;
import org.kaoping.run.ExitCodes;
import org.kaoping.store.RunFileRepository;
import org.kaoping.store.RunRecordRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * {@code serve}'s watch of the input folders of campaigns with {@code watch: <quiet period>}: a folder whose files
 * differ from those its last run read, and then stay as they are for the quiet period, is consolidated at once, as
 * {@code run} would. The files are looked at again just before the run, and it waits if they moved. A folder that
 * changed while {@code serve} was down is consolidated once it is quiet. One thread: runs of watched campaigns
 * follow one another; stopping {@code serve} lets a run in progress finish.
 */
public class InputWatcher implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(InputWatcher.class);

    private final KaopingHome home;
    private final CampaignRunner runner;
    private final RunRecordRepository records;
    private final RunFileRepository runFiles;
    private final Map<String, QuietFolder> folders = new LinkedHashMap<>();
    private ScheduledExecutorService ticks;

    public InputWatcher(KaopingHome home, CampaignRunner runner, RunRecordRepository records, RunFileRepository runFiles) {
        this.home = home;
        this.runner = runner;
        this.records = records;
        this.runFiles = runFiles;
    }

    /** Starts watching; nothing when no campaign is watched. */
    public synchronized void start(List<CampaignWatch> watches) {
        if (watches.isEmpty() || ticks != null) {
            return;
        }
        Duration shortest = watches.stream().map(CampaignWatch::quiet).min(Duration::compareTo).orElseThrow();
        for (CampaignWatch w : watches) {
            folders.put(w.campaign(), new QuietFolder(w.quiet(), lastRead(w.campaign())));
            log.info("监视 {} 的输入目录 {}：文件变化后静置 {}即汇总", w.campaign(), home.input(w.campaign()),
                    CampaignWatch.describe(w.quiet()));
        }
        long every = Math.max(200, Math.min(2_000, shortest.toMillis() / 4));
        ticks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "input-watch");
            t.setDaemon(true);
            return t;
        });
        ticks.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    /** The files the campaign's last completed run read, as its file list recorded them. */
    private Map<String, Stamp> lastRead(String campaign) {
        return records.previous(campaign, "~").map(r -> runFiles.files(r.runId()).stream()
                        .collect(Collectors.toMap(f -> f.file().path(), f -> new Stamp(f.file().size(), f.file().modified()),
                                (a, b) -> a)))
                .orElse(Map.of());
    }

    private void tick() {
        folders.forEach((campaign, folder) -> {
            try {
                Map<String, Stamp> files = InputScanner.stamps(home.input(campaign));
                Optional<QuietFolder.Changes> due = folder.due(files, Instant.now());
                if (due.isEmpty() || !InputScanner.stamps(home.input(campaign)).equals(files)) {
                    return;
                }
                log.info("{} 的输入目录有变化（{}），已静置，开始汇总", campaign, due.get().describe());
                int exit = runner.run(campaign);
                if (exit == ExitCodes.BUSY) {
                    log.info("{} 正在运行：稍后再汇总", campaign);
                    return;
                }
                if (exit != ExitCodes.OK) {
                    log.error("{} 的自动汇总未成功，退出码 {}（原因见上）；文件再有变化时再次汇总", campaign, exit);
                }
                folder.consolidated(files);
            } catch (RuntimeException e) {
                log.error("监视 {} 的输入目录时出错：{}", campaign, e.getMessage());
            }
        });
    }

    @Override
    public synchronized void destroy() throws InterruptedException {
        if (ticks != null) {
            ticks.shutdown();
            ticks.awaitTermination(2, TimeUnit.HOURS);
        }
    }
}
