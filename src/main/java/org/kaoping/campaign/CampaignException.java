package org.kaoping.campaign;

/** A campaign that cannot run (unknown, or its configuration is broken); the message is the one-line reason. */
public class CampaignException extends RuntimeException {
    public CampaignException(String message) {
        super(message);
    }

    public CampaignException(String message, Throwable cause) {
        super(message, cause);
    }
}
