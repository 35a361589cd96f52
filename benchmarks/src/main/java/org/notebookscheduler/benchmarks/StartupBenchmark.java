package org.notebookscheduler.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.notebookscheduler.bare.BareApp;
import org.notebookscheduler.benchmarks.support.Arguments;
import org.notebookscheduler.benchmarks.support.Medians;
import org.notebookscheduler.bootstrap.NotebookSchedulerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Time from JVM start to a ready app, and its resident memory then: the standalone app (embedded
 * engine, its own Flyway, security, health, OpenAPI) against a bare Spring Boot web app with JPA,
 * Flyway and health, each in a fresh JVM, alternated round by round so both see the same machine;
 * the ratio is taken pair by pair. {@code restart} (the default) starts each app on its own H2 file
 * database that the warm-up start migrated, as an operator's restart does; {@code first} gives every
 * start a new database, so the time includes creating the schema.
 *
 * <p>Arguments: {@code [rounds] [restart|first] [cds]}. Run by {@code exec:java}; it starts the JVMs
 * itself. {@code cds} gives each app its own class data sharing archive, written by a training start
 * first (the JVM option an operator can take, so both sides get it). Besides time, it reports the CPU
 * time each JVM used until ready: on a shared machine a busy neighbour stretches wall time more.
 * {@code -Dbench.steps=N} on a single start ({@code StartupBenchmark app|bare <dir>}) prints the N
 * longest startup steps Spring recorded, to see where a start's time goes.
 */
public final class StartupBenchmark {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("app") || args[0].equals("bare"))) {
            startOnce(args[0], Path.of(args[1]));
            return;
        }
        Arguments arguments = Arguments.of(args);
        int rounds = arguments.number(0, 5);
        boolean restart = arguments.text(1, "restart").equals("restart");
        boolean cds = arguments.text(2, "").equals("cds");
        Path appDir = Files.createTempDirectory("startup-app");
        Path bareDir = Files.createTempDirectory("startup-bare");
        String classpath = cds ? jarredClasspath(Files.createTempDirectory("startup-classpath")) : classpath();
        List<String> appOptions = new ArrayList<>();
        List<String> bareOptions = new ArrayList<>();
        if (cds) {
            Path archives = Files.createTempDirectory("startup-cds");
            appOptions.add(trainArchive("app", classpath, archives.resolve("app.jsa"), appDir));
            bareOptions.add(trainArchive("bare", classpath, archives.resolve("bare.jsa"), bareDir));
        }
        List<Double> app = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> appCpu = new ArrayList<>();
        List<Double> bareCpu = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> appMemory = new ArrayList<>();
        List<Double> bareMemory = new ArrayList<>();
        run("app", appDir, classpath, appOptions);
        run("bare", bareDir, classpath, bareOptions);
        System.out.println((restart ? "restarts on migrated databases" : "first starts on new databases")
                + (cds ? ", each app with its own class data sharing archive" : ""));
        for (int round = 1; round <= rounds; round++) {
            double[] a = run("app", restart ? appDir : Files.createTempDirectory("startup-app"), classpath, appOptions);
            double[] b = run("bare", restart ? bareDir : Files.createTempDirectory("startup-bare"), classpath,
                    bareOptions);
            app.add(a[0]);
            bare.add(b[0]);
            appMemory.add(a[1]);
            bareMemory.add(b[1]);
            appCpu.add(a[2]);
            bareCpu.add(b[2]);
            ratios.add(a[0] / b[0]);
            cpuRatios.add(a[2] / b[2]);
            System.out.printf("round %d: app %.0f ms, %.0f MB, CPU %.0f ms; bare %.0f ms, %.0f MB, CPU %.0f ms;"
                    + " ratio %.2f, CPU %.2f%n", round, a[0], a[1], a[2], b[0], b[1], b[2], a[0] / b[0], a[2] / b[2]);
        }
        System.out.printf("time to ready, median: app %.0f ms, bare %.0f ms; ratio pair by pair median %.2f"
                + " (min %.2f, max %.2f)%n", Medians.of(app), Medians.of(bare), Medians.of(ratios), Collections.min(ratios),
                Collections.max(ratios));
        System.out.printf("CPU time to ready (all threads), median: app %.0f ms, bare %.0f ms; ratio pair by pair"
                + " median %.2f (min %.2f, max %.2f)%n", Medians.of(appCpu), Medians.of(bareCpu), Medians.of(cpuRatios),
                Collections.min(cpuRatios), Collections.max(cpuRatios));
        System.out.printf("resident memory when ready, median: app %.0f MB, bare %.0f MB; ratio %.2f%n",
                Medians.of(appMemory), Medians.of(bareMemory), Medians.of(appMemory) / Medians.of(bareMemory));
    }

    /** One fresh JVM: its time to ready (ms), resident memory then (MB) and CPU time used by then (ms). */
    private static double[] run(String which, Path dir, String classpath, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, StartupBenchmark.class.getName(), which, dir.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("READY ")) {
                    String[] parts = line.split(" ");
                    result = new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]) / 1024,
                        Double.parseDouble(parts[3])};
                }
            }
        }
        child.waitFor();
        if (result == null) {
            throw new IllegalStateException(which + " did not become ready");
        }
        return result;
    }

    /**
     * Spring Boot's class data sharing recipe: one start that stops once the context is refreshed and
     * writes the classes it loaded to {@code archive}; later starts map them instead of loading them.
     * Returns the option those starts take.
     */
    private static String trainArchive(String which, String classpath, Path archive, Path dir)
            throws IOException, InterruptedException {
        Process training = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh", "-cp", classpath, StartupBenchmark.class.getName(), which,
                dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (training.waitFor() != 0 || !Files.exists(archive)) {
            throw new IllegalStateException(which + ": no class data sharing archive was written");
        }
        return "-XX:SharedArchiveFile=" + archive;
    }

    /** The classpath with each directory packed into a jar: the JVM archives classes only from jars. */
    private static String jarredClasspath(Path jars) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath().split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = jars.resolve(entries.size() + ".jar");
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                    java.util.stream.Stream<Path> files = Files.walk(path)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new java.util.jar.JarEntry(path.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The project's classpath: exec:java runs the harness in a class loader of its own, not on java.class.path. */
    private static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static void startOnce(String which, Path dir) throws Exception {
        String url = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        String[] common = {"--server.port=0", url, "--spring.main.banner-mode=off", "--logging.level.root=WARN"};
        SpringApplication application;
        List<String> arguments = new ArrayList<>(List.of(common));
        if (which.equals("app")) {
            application = NotebookSchedulerApplication.application();
            arguments.add("--notebook.scheduler.security.initial-admin-password-file=" + dir.resolve("password"));
        } else {
            application = new SpringApplication(BareApp.class);
            arguments.add("--spring.flyway.locations=classpath:db/bare");
            arguments.add("--management.endpoints.web.exposure.include=health");
        }
        int steps = Integer.getInteger("bench.steps", 0);
        if (steps > 0) {
            BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
            application.setApplicationStartup(startup);
            application.addListeners((ApplicationReadyEvent ready) -> printLongestSteps(startup, steps));
        }
        application.addListeners((ApplicationReadyEvent ready) -> {
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("READY " + sinceJvmStart + " " + residentKilobytes() + " " + cpuMillis());
        });
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            // ready was printed by the listener; closing ends the JVM's work
        }
        System.exit(0);
    }

    /**
     * The longest startup steps Spring recorded (a bean's instantiation includes the beans it made
     * on the way): where a start's time goes, for {@code -Dbench.steps=N} on a single start.
     */
    private static void printLongestSteps(BufferingApplicationStartup startup, int count) {
        startup.getBufferedTimeline().getEvents().stream()
                .sorted(Comparator.comparing(TimelineEvent::getDuration).reversed())
                .limit(count)
                .forEach(event -> {
                    StringBuilder tags = new StringBuilder();
                    event.getStartupStep().getTags().forEach(tag -> tags.append(' ').append(tag.getKey()).append('=')
                            .append(tag.getValue()));
                    System.out.printf("STEP %6d ms %s%s%n", event.getDuration().toMillis(),
                            event.getStartupStep().getName(), tags);
                });
    }

    /** CPU time the JVM has used so far, all its threads: less disturbed than wall time by a busy machine. */
    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException notLinux) {
            // no /proc: memory is not measured
        }
        return 0;
    }
}
