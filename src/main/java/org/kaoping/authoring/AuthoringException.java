package org.kaoping.authoring;

/** A table or template request kaoping cannot act on, with a message naming the file, sheet and cell. */
public class AuthoringException extends RuntimeException {
    public AuthoringException(String message) {
        super(message);
    }
}
