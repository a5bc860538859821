package org.kaoping.read;

/** Thrown while streaming a file that is over a limit, to stop reading it; its message is the reason. */
final class LimitExceeded extends RuntimeException {
    LimitExceeded(String message) {
        super(message, null, false, false);
    }
}
