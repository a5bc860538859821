package org.kaoping.rubric;

/** A rubric that cannot be used; the message names the file and the node. */
public class RubricException extends RuntimeException {
    public RubricException(String message) {
        super(message);
    }

    public RubricException(String message, Throwable cause) {
        super(message, cause);
    }
}
