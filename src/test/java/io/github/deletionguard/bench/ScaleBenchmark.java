package io.github.deletionguard.bench;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.github.deletionguard.config.BaselineEngine;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.ConfigBuilder;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How the program's own cost grows with the organization: runs it under the mock engine (as
 * {@code plan} does) for N accounts x 4 regions with each member baseline engine, and runs a
 * floor program that registers the same number of bare resources through the same SDK and mocks.
 * Prints figures; asserts nothing. Run with {@code mvn -q -Pbenchmark test-compile exec:exec}
 * (a fresh JVM with -Xmx2g); {@code -Dbenchmark.args="stacksets 1000 5000"} picks one engine
 * and the sizes, {@code nofloor} leaves the floor program out.
 */
public final class ScaleBenchmark {
    private static final int REGIONS = 4;

    private ScaleBenchmark() {
    }

    public static void main(String[] arguments) {
        // Maven's exec plugin passes -Dbenchmark.args as one argument.
        String[] args = Arrays.stream(arguments).flatMap(argument -> Arrays.stream(argument.trim().split("\\s+")))
                .filter(argument -> !argument.isEmpty()).toArray(String[]::new);
        List<BaselineEngine> engines = args.length > 0 && BaselineEngine.fromConfigValue(args[0]).isPresent()
                ? List.of(BaselineEngine.fromConfigValue(args[0]).get())
                : List.of(BaselineEngine.PROVIDERS, BaselineEngine.STACKSETS);
        // The floor doubles the run time; "nofloor" leaves it out where only the program's figures are wanted.
        boolean withFloor = Arrays.stream(args).noneMatch("nofloor"::equals);
        int[] sizes = Arrays.stream(args).filter(arg -> arg.matches("\\d+")).mapToInt(Integer::parseInt).toArray();
        if (sizes.length == 0) {
            sizes = new int[]{100, 250, 500, 1000};
        }
        // Warm the JIT and the SDK's class loading so the first measured size is not penalised.
        engines.forEach(engine -> measureProgram(20, engine));
        measureFloor(20 * REGIONS, 400);

        System.out.printf("%-10s %-9s %-13s %-8s %-8s %-9s %-9s %-9s %-9s %-6s%n", "engine", "accounts", "registrations",
                "per-a-r", "wall-s", "heap-MiB", "us/reg", "floor-s", "floor-MiB", "ratio");
        for (BaselineEngine engine : engines) {
            List<double[]> rows = new ArrayList<>();
            for (int accounts : sizes) {
                Measurement ours = measureProgram(accounts, engine);
                Measurement floor = withFloor ? measureFloor(ours.providers(), ours.resources())
                        : new Measurement(0, 0, 0, 0, Double.NaN, Double.NaN);
                double perAccountRegion = (double) ours.awsResourcesInMemberRegions() / ((accounts - 2) * REGIONS);
                System.out.printf("%-10s %-9d %-13d %-8.2f %-8.2f %-9.0f %-9.1f %-9.2f %-9.0f %-6.2f%n",
                        engine.configValue(), accounts, ours.resources(), perAccountRegion, ours.seconds(), ours.heapMiB(),
                        ours.seconds() * 1e6 / ours.resources(), floor.seconds(), floor.heapMiB(),
                        ours.seconds() / floor.seconds());
                rows.add(new double[]{accounts, ours.seconds()});
            }
            for (int i = 1; i < rows.size(); i++) {
                System.out.printf("%s: time(%d) / time(%d) = %.2f for %.2fx the accounts%n", engine.configValue(),
                        (int) rows.get(i)[0], (int) rows.get(i - 1)[0], rows.get(i)[1] / rows.get(i - 1)[1],
                        rows.get(i)[0] / rows.get(i - 1)[0]);
            }
        }
    }

    /**
     * @param providers   registrations that are AWS providers
     * @param awsResources registrations that are AWS resources (not providers, not components)
     * @param awsResourcesInMemberRegions AWS resources in workload accounts (no log group, no hub)
     * @param heapMiB     heap the finished run holds: used heap after a full GC, the run still referenced
     */
    record Measurement(int resources, int providers, int awsResources, int awsResourcesInMemberRegions,
                       double seconds, double heapMiB) {
    }

    private static Measurement measureProgram(int accounts, BaselineEngine engine) {
        ConfigBuilder config = SyntheticOrganization.config(accounts, REGIONS, engine);
        Timed<OfflineEngine.Run> timed = timed(config::run);
        OfflineEngine.Run run = timed.value();
        if (!run.errors().isEmpty()) {
            throw new IllegalStateException("the synthetic organization failed", run.errors().get(0));
        }
        List<PlannedResource> aws = run.resources().stream().filter(r -> !r.isProvider() && !r.isComponent()).toList();
        int inWorkloads = (int) aws.stream().filter(r -> r.provider().orElseThrow().account().startsWith("2")).count();
        int providers = (int) run.resources().stream().filter(PlannedResource::isProvider).count();
        return new Measurement(run.resources().size(), providers, aws.size(), inWorkloads, timed.seconds(), timed.heapMiB());
    }

    /** The same number of registrations, as bare SNS topics spread over one provider per account x region. */
    private static Measurement measureFloor(int providers, int registrations) {
        Consumer<Context> floorProgram = ctx -> {
            List<Provider> all = new ArrayList<>();
            for (int i = 0; i < providers; i++) {
                all.add(new Provider("provider-" + i, ProviderArgs.builder().region(SyntheticOrganization.REGIONS.get(i % REGIONS))
                        .allowedAccountIds(String.format("3%011d", i / REGIONS)).build()));
            }
            for (int i = 0; i < registrations - providers; i++) {
                new Topic("topic-" + i, TopicArgs.builder().name("topic-" + i).build(),
                        CustomResourceOptions.builder().provider(all.get(i % providers)).build());
            }
        };
        Timed<OfflineEngine.Run> timed = timed(() -> OfflineEngine.run("floor", "bench", Map.of(), Set.of(), floorProgram));
        return new Measurement(timed.value().resources().size(), providers, 0, 0, timed.seconds(), timed.heapMiB());
    }

    private record Timed<T>(T value, double seconds, double heapMiB) {
    }

    /**
     * Times the work, then measures the heap its result holds: used heap after a full GC with the
     * result still referenced, less the same before the work. (Summing each pool's own peak, as
     * before, added peaks that never coincide and overstated the heap.)
     */
    private static <T> Timed<T> timed(Supplier<T> work) {
        long before = usedAfterFullGc();
        long started = System.nanoTime();
        T value = work.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        long after = usedAfterFullGc();
        return new Timed<>(value, seconds, Math.max(0, after - before) / (1024.0 * 1024.0));
    }

    private static long usedAfterFullGc() {
        // System.gc() is a full collection with the default collector unless the JVM runs with -XX:+ExplicitGCInvokesConcurrent.
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
