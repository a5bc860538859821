-- kp_campaign_lock: who holds a campaign's database lock (run.DatabaseCampaignLock), written by the holder when it
-- takes the lock, so that a run refused on another machine can name it. The lock itself is not this row (on
-- PostgreSQL an advisory lock, released with its session when a process dies); a row left behind means nothing.
CREATE TABLE kp_campaign_lock (
    campaign    VARCHAR(128) NOT NULL PRIMARY KEY,
    holder      VARCHAR(512) NOT NULL,
    since       TIMESTAMP    NOT NULL
);
