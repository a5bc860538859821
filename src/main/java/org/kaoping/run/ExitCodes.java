package org.kaoping.run;

/** The exit codes of every command (README "命令"): a run that completed is 0, rejected files included. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The run started and failed; it is finished by the next run of the campaign. */
    public static final int FAILED = 1;
    /** The command line is not one kaoping knows. */
    public static final int USAGE = 2;
    /** The campaign, its rubric, roster or schedule cannot be used; nothing was read. */
    public static final int BAD_CONFIG = 3;
    /** A run of the same campaign holds its lock. */
    public static final int BUSY = 4;

    private ExitCodes() {
    }
}
