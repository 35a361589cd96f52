package org.notebookscheduler.bootstrap.config;

/**
 * Where the scheduler is and where it calls back.
 *
 * @param schedulerUrl the scheduler's base URL; null when scheduling is off
 * @param callbackUrl  {@code notebook.scheduler.callback-url}, or {@code notebook.url} when that is not
 *                     set; null when neither is
 */
public record SchedulerEndpoints(String schedulerUrl, String callbackUrl) {
}
