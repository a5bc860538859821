package org.kaoping.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar started as staff start it, {@code java -jar target/kaoping.jar …}, in a home, its output in a log. */
public final class KaopingJar {
    private KaopingJar() {
    }

    /** Starts {@code java -jar target/kaoping.jar <arguments>} in {@code home}, stdout and stderr into {@code log}. */
    public static Process start(Path home, String log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", new File("target/kaoping.jar").getAbsolutePath()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve(log).toFile()).start();
    }

    /** The exit code, the process having ended within two minutes. */
    public static int exitCode(Process process) throws InterruptedException {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** Starts the jar and waits for it: its exit code. */
    public static int run(Path home, String log, String... arguments) throws Exception {
        return exitCode(start(home, log, arguments));
    }

    /**
     * {@code java … org.kaoping.KaopingApplication <arguments>} on the test class path, whose hooks
     * ({@code kaoping-test.read-delay-ms}) can slow a run down so that a test can act while it runs.
     */
    public static List<String> onTestClassPath(List<String> jvmOptions, List<String> arguments) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "org.kaoping.KaopingApplication"));
        command.addAll(arguments);
        return command;
    }

    /** Waits up to a minute for {@code text} to appear in the file {@code log}. */
    public static void awaitLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no “" + text + "” in " + log + ":\n" + Files.readString(log));
    }

    public static String log(Path home, String log) throws IOException {
        return Files.readString(home.resolve(log));
    }

    /** A home with the repository's config/ and the demo's input. */
    public static Path demoHome(Path home) {
        TestHome.copyTree(Path.of("config"), home.resolve("config"));
        TestHome.copyTree(Path.of("input/demo"), home.resolve("input/demo"));
        return home;
    }
}
