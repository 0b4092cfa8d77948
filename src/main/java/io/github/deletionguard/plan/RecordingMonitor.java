package io.github.deletionguard.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The mock engine's monitor, keeping each registration request exactly as the SDK sent it, with
 * the URN the engine assigned: what {@code pulumi up} would send to the real engine.
 */
final class RecordingMonitor extends MockMonitor {
    /** A registration request and the URN it received. */
    record Registration(Resource resource, RegisterResourceRequest request, String urn) {
    }

    private final List<Registration> registrations = new ArrayList<>();

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            synchronized (registrations) {
                registrations.add(new Registration(resource, request, response.getUrn()));
            }
            return response;
        });
    }

    List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }
}
