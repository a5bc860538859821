package org.kaoping.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.kaoping.campaign.CampaignException;
import org.kaoping.campaign.CampaignLoader;
import org.kaoping.campaign.KaopingHome;

/**
 * One run of a campaign at a time, across processes on the same {@code kaoping.home}: an OS file lock on
 * {@code data/locks/<campaign>.lock} (never under input/), held for the whole run. The file stays; only the
 * lock matters. It records who holds it, so a refused run can say so.
 */
public final class CampaignLock implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private CampaignLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static Path file(KaopingHome home, String campaign) {
        return home.root().resolve("data").resolve("locks").resolve(campaign + ".lock");
    }

    /**
     * Takes the campaign's lock without waiting. Not held (by another process, or by another run in this one):
     * the returned lock is not {@link #held()} and {@link #refusal()} says why.
     */
    public static CampaignLock tryAcquire(KaopingHome home, String campaign) {
        if (!CampaignLoader.isValidCode(campaign)) {
            throw new CampaignException("考核代码“" + campaign + "”无效：只能使用字母、数字、点、下划线和连字符");
        }
        Path file = file(home, campaign);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return new CampaignLock(file, null, null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("进程 " + ProcessHandle.current().pid() + "，" + LocalDateTime.now().format(TIME)
                    + " 开始\n").getBytes(StandardCharsets.UTF_8)));
            // Not forced to disk: the note only tells another process who holds the lock, which it reads from the
            // page cache; after a crash the lock is gone with the process, and so is the need for the note.
            return new CampaignLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("无法创建锁文件 " + file + "：" + e.getMessage(), e);
        }
    }

    /**
     * The campaigns whose lock another process holds now, by a moment's shared lock on each lock file of the home (a
     * run starting in that moment is refused as if the campaign were running).
     */
    public static List<String> heldElsewhere(KaopingHome home) {
        Path dir = home.root().resolve("data").resolve("locks");
        List<String> held = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.lock")) {
            for (Path file : files) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
                    if (probe == null) {
                        held.add(file.getFileName().toString().replaceFirst("\\.lock$", ""));
                    } else {
                        probe.release();
                    }
                } catch (OverlappingFileLockException e) {
                    // held by this process
                }
            }
        } catch (IOException e) {
            // no locks folder yet, or one not readable: nothing known to wait for
        }
        return held;
    }

    public boolean held() {
        return lock != null;
    }

    public Path file() {
        return file;
    }

    /** Why a run was refused: the campaign is running, and (when the lock file says) since when, in which process. */
    public String refusal() {
        String holder = "";
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                holder = "（" + text + "）";
            }
        } catch (IOException | UncheckedIOException e) {
            // some systems do not let a locked file be read: the message just says less
        }
        String campaign = file.getFileName().toString().replaceFirst("\\.lock$", "");
        return "考核“" + campaign + "”正在运行" + holder + "，同一考核不能同时运行两次；请等它结束后再运行（锁文件 " + file + "）";
    }

    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
