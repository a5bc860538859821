package org.kaoping.schedule;

import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import org.kaoping.campaign.CampaignException;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.run.ExitCodes;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import sun.misc.Signal;

/**
 * {@code serve}: checks every campaign's {@code schedule:}, reconciles the stored triggers with them, starts the
 * scheduler (which nothing else starts: a {@code run} never fires a schedule) and stays up until stopped.
 */
public class ServeCommand implements ApplicationListener<ContextClosedEvent> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final KaopingHome home;
    private final LazyScheduler scheduler;
    private final CampaignSchedules schedules;
    private final ScheduleReconciler reconciler;
    private final InputWatcher watcher;
    private final Duration gracePeriod;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public ServeCommand(KaopingHome home, LazyScheduler scheduler, CampaignSchedules schedules,
                        ScheduleReconciler reconciler, InputWatcher watcher, Duration gracePeriod) {
        this.home = home;
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.reconciler = reconciler;
        this.watcher = watcher;
        this.gracePeriod = gracePeriod;
    }

    /**
     * Starts the scheduler and blocks until the application is stopped; returns at once when it cannot start.
     * Ctrl+C or SIGTERM ends the wait here, so that the context closes in order — a run in progress finishes
     * (Quartz waits for its jobs), then other processes' runs this one serves the database to
     * ({@link org.kaoping.run.DatabaseHandOff}) — before the JVM's own shutdown closes the database, for at most
     * {@code kaoping.serve.grace-period}. A second Ctrl+C stops at once; an interrupted run is resumed by the next.
     */
    public int serve() {
        int exit = start();
        if (exit == ExitCodes.OK) {
            onStopSignal();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return exit;
    }

    /** Reconciles and starts the scheduler; exit code 3 (and nothing started) when a schedule is invalid. */
    public int start() {
        List<CampaignSchedule> wanted;
        List<CampaignWatch> watched;
        try {
            wanted = schedules.read(home);
            watched = schedules.watches(home);
        } catch (CampaignException e) {
            System.err.println("无法启动定时运行：" + e.getMessage());
            return ExitCodes.BAD_CONFIG;
        }
        try {
            Scheduler quartz = scheduler.get();
            List<ScheduleReconciler.Outcome> outcomes = reconciler.reconcile(quartz, wanted);
            outcomes.forEach(ServeCommand::logOutcome);
            if (wanted.isEmpty() && watched.isEmpty()) {
                log.warn("没有设置了 schedule 或 watch 的考核（{}）：定时运行已启动，但不会运行任何考核", home.config().resolve("campaigns"));
            }
            quartz.start();
        } catch (SchedulerException e) {
            System.err.println("无法启动定时运行：" + e.getMessage());
            return ExitCodes.FAILED;
        }
        watcher.start(watched);
        log.info("定时运行已启动，目录 {}；按 Ctrl+C 停止", home.root());
        return ExitCodes.OK;
    }

    private void onStopSignal() {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (stopped.getCount() == 0) {
                        log.warn("再次收到停止信号：立即退出，未完成的运行将在下次运行时恢复");
                        // halt, not exit: the orderly close in progress would hold exit's shutdown hooks back
                        Runtime.getRuntime().halt(ExitCodes.FAILED);
                    }
                    log.info("收到停止信号：等正在进行的运行结束后退出，最多等 {}（再按一次 Ctrl+C 立即退出）",
                            CampaignWatch.describe(gracePeriod));
                    stopped.countDown();
                    Thread deadline = new Thread(() -> {
                        try {
                            Thread.sleep(gracePeriod.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                        log.warn("等待超过 {}：立即退出，未完成的运行将在下次运行时恢复", CampaignWatch.describe(gracePeriod));
                        Runtime.getRuntime().halt(ExitCodes.FAILED);
                    }, "serve-grace");
                    deadline.setDaemon(true);
                    deadline.start();
                });
            } catch (IllegalArgumentException e) {
                // a signal this system does not have: the JVM's default handling stays
            }
        }
    }

    private static void logOutcome(ScheduleReconciler.Outcome o) {
        String change = switch (o.change()) {
            case ADDED -> "新增";
            case UPDATED -> "已更新";
            case UNCHANGED -> "未改变";
            case REMOVED -> "已删除";
        };
        if (o.change() == ScheduleReconciler.Change.REMOVED) {
            log.info("定时 {}：{}（考核配置中已没有 schedule）", o.campaign(), change);
            return;
        }
        // shown in the schedule's own time zone, named when it is not the server's
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        format.setTimeZone(o.zone());
        String next = o.nextFire() == null ? "无" : format.format(o.nextFire())
                + (o.zone().equals(TimeZone.getDefault()) ? "" : "（" + o.zone().getID() + "）");
        if (o.nextFire() != null && o.nextFire().before(new Date())) {
            next += "（已错过，启动后补运行一次）";
        }
        log.info("定时 {}：{}（{}），下次运行 {}", o.campaign(), o.cron(), change, next);
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopped.countDown();
    }
}
