package org.kaoping.roster;

/** A roster that cannot be used; stops the run before any workbook is read. */
public class RosterException extends RuntimeException {
    public RosterException(String message) {
        super(message);
    }

    public RosterException(String message, Throwable cause) {
        super(message, cause);
    }
}
