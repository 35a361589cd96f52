package org.notebookscheduler.adapters.runner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Ends a process and everything it started: a notebook's kernel outlives its launcher otherwise. */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Asks the whole tree to terminate, waits up to {@code grace} for it to, then kills what is left.
     * The tree is taken before anything is signalled: a child whose parent died is no longer its
     * descendant and would be missed.
     */
    static void end(Process process, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        try {
            CompletableFuture.allOf(tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillAlive) {
            // killed below
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
    }
}
