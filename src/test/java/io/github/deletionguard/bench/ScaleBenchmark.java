package io.github.deletionguard.bench;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.ConfigBuilder;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How the program's own cost grows with the organization: runs it under the mock engine (as
 * {@code plan} does) for N accounts x 4 regions, and runs a floor program that registers the
 * same number of bare resources through the same SDK and mocks. Prints figures; asserts nothing.
 * Run with {@code mvn -q -Pbenchmark test-compile exec:exec} (a fresh JVM with -Xmx2g).
 */
public final class ScaleBenchmark {
    private static final int REGIONS = 4;

    private ScaleBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0
                ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[]{100, 250, 500, 1000};
        // Warm the JIT and the SDK's class loading so the first measured size is not penalised.
        measureProgram(20);
        measureFloor(20 * REGIONS, 400);

        System.out.printf("%-9s %-9s %-8s %-8s %-9s %-9s %-9s %-9s %-9s %-6s%n", "accounts", "resources",
                "per-a-r", "per-acct", "wall-s", "heap-MiB", "us/res", "floor-s", "floor-MiB", "ratio");
        List<double[]> rows = new ArrayList<>();
        for (int accounts : sizes) {
            Measurement ours = measureProgram(accounts);
            Measurement floor = measureFloor(ours.providers(), ours.resources());
            double perAccountRegion = (double) ours.awsResourcesInMemberRegions() / ((accounts - 2) * REGIONS);
            double perAccount = (double) ours.awsResources() / accounts;
            System.out.printf("%-9d %-9d %-8.2f %-8.2f %-9.2f %-9.0f %-9.1f %-9.2f %-9.0f %-6.2f%n",
                    accounts, ours.resources(), perAccountRegion, perAccount, ours.seconds(), ours.peakHeapMiB(),
                    ours.seconds() * 1e6 / ours.resources(), floor.seconds(), floor.peakHeapMiB(),
                    ours.seconds() / floor.seconds());
            rows.add(new double[]{accounts, ours.seconds()});
        }
        for (int i = 1; i < rows.size(); i++) {
            System.out.printf("time(%d) / time(%d) = %.2f for %.2fx the accounts%n", (int) rows.get(i)[0],
                    (int) rows.get(i - 1)[0], rows.get(i)[1] / rows.get(i - 1)[1], rows.get(i)[0] / rows.get(i - 1)[0]);
        }
    }

    /**
     * @param providers   registrations that are AWS providers
     * @param awsResources registrations that are AWS resources (not providers, not components)
     * @param awsResourcesInMemberRegions AWS resources in workload accounts (no log group, no hub)
     */
    record Measurement(int resources, int providers, int awsResources, int awsResourcesInMemberRegions,
                       double seconds, double peakHeapMiB) {
    }

    private static Measurement measureProgram(int accounts) {
        ConfigBuilder config = SyntheticOrganization.config(accounts, REGIONS);
        Timed<OfflineEngine.Run> timed = timed(config::run);
        OfflineEngine.Run run = timed.value();
        if (!run.errors().isEmpty()) {
            throw new IllegalStateException("the synthetic organization failed", run.errors().get(0));
        }
        List<PlannedResource> aws = run.resources().stream().filter(r -> !r.isProvider() && !r.isComponent()).toList();
        int inWorkloads = (int) aws.stream().filter(r -> r.provider().orElseThrow().account().startsWith("2")).count();
        int providers = (int) run.resources().stream().filter(PlannedResource::isProvider).count();
        return new Measurement(run.resources().size(), providers, aws.size(), inWorkloads, timed.seconds(), timed.peakHeapMiB());
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
        return new Measurement(timed.value().resources().size(), providers, 0, 0, timed.seconds(), timed.peakHeapMiB());
    }

    private record Timed<T>(T value, double seconds, double peakHeapMiB) {
    }

    private static <T> Timed<T> timed(java.util.function.Supplier<T> work) {
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        T value = work.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Timed<>(value, seconds, peak / (1024.0 * 1024.0));
    }
}
