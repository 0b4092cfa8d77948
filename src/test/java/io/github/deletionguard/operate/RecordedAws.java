package io.github.deletionguard.operate;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.utils.IoUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@link SdkHttpClient} that answers with recorded AWS responses, so the real SDK clients
 * marshal every request and parse every response as in production. A response is looked up, in
 * each layer (the first layer wins, so a scenario overrides a few answers of the base), as
 * {@code <service>/<account>-<region>/}, {@code <service>/<account>/<Action>[@<parameter value>]} then {@code <service>/<Action>[@...]},
 * {@code .json} or {@code .xml}; {@code .error.json}/{@code .error.xml} answer with HTTP 400.
 * {@code {account}} and {@code {region}} in a body are the caller's. Every request is kept for
 * assertions; one without a recorded answer gets a 400 the test sees in {@link #unrecorded()}.
 */
public final class RecordedAws implements SdkHttpClient {
    /** Access keys of assumed sessions name their account, so later calls are routed to it. */
    static final String SESSION_KEY_PREFIX = "ASIAFAKE";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("arn:aws:iam::(\\d{12}):role/");

    public record Call(String account, String region, String service, String action, Map<String, String> parameters, String body) {
    }

    /**
     * An answer given ahead of the recorded ones, to calls of one action (in one account, if named),
     * {@code times} times or, with {@link #ALWAYS}, every time.
     */
    private record Injected(String service, String action, Optional<String> account, int status, String errorCode,
                            Optional<String> body, AtomicInteger left) {
        boolean answers(String callService, String callAction, String callAccount) {
            return service.equals(callService) && action.equals(callAction)
                    && account.map(callAccount::equals).orElse(true)
                    && left.getAndUpdate(n -> n == ALWAYS ? n : Math.max(0, n - 1)) > 0;
        }
    }

    private static final int ALWAYS = Integer.MAX_VALUE;

    private final List<Path> layers;
    private final List<Injected> injected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unrecorded = Collections.synchronizedList(new ArrayList<>());

    public RecordedAws(String... layers) {
        this.layers = java.util.Arrays.stream(layers).map(layer -> Path.of("src/test/resources/operate", layer)).toList();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String service, String action) {
        return calls().stream().filter(call -> call.service.equals(service) && call.action.equals(action)).toList();
    }

    public List<String> unrecorded() {
        return List.copyOf(unrecorded);
    }

    /** Every call of the action fails with the AWS error code (HTTP 400), as a denied or broken call does. */
    public RecordedAws failing(String service, String action, String errorCode) {
        injected.add(new Injected(service, action, Optional.empty(), 400, errorCode, Optional.empty(), new AtomicInteger(ALWAYS)));
        return this;
    }

    /** As {@link #failing(String, String, String)}, only in one account. */
    public RecordedAws failingIn(String account, String service, String action, String errorCode) {
        injected.add(new Injected(service, action, Optional.of(account), 400, errorCode, Optional.empty(), new AtomicInteger(ALWAYS)));
        return this;
    }

    /** The first {@code times} calls of the action are throttled (HTTP 400 with the service's throttling code), then recorded answers follow. */
    public RecordedAws throttling(String service, String action, String throttlingCode, int times) {
        injected.add(new Injected(service, action, Optional.empty(), 400, throttlingCode, Optional.empty(), new AtomicInteger(times)));
        return this;
    }

    /** Every call of the action is answered with this body (HTTP 200), ahead of the recorded files. */
    public RecordedAws answering(String service, String action, String body) {
        injected.add(new Injected(service, action, Optional.empty(), 200, "", Optional.of(body), new AtomicInteger(ALWAYS)));
        return this;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return answer(request);
            }

            @Override
            public void abort() {
            }
        };
    }

    private HttpExecuteResponse answer(HttpExecuteRequest request) {
        String body = request.contentStreamProvider().map(provider -> {
            try {
                return IoUtils.toUtf8String(provider.newStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
        String[] host = request.httpRequest().host().split("\\.");
        String service = host[0];
        String region = host.length > 3 ? host[1] : "global";
        Optional<String> target = request.httpRequest().firstMatchingHeader("X-Amz-Target");
        Map<String, String> parameters = target.isPresent() ? jsonParameters(body) : formParameters(body);
        String action = target.map(value -> value.substring(value.lastIndexOf('.') + 1)).orElse(parameters.getOrDefault("Action", "?"));
        String account = callerAccount(request, parameters);
        calls.add(new Call(account, region, service, action, parameters, body));
        for (Injected answer : injected) {
            if (answer.answers(service, action, account)) {
                return answer.body().map(text -> response(200, text.replace("{account}", account).replace("{region}", region)))
                        .orElseGet(() -> response(answer.status(), errorBody(target.isPresent(), answer.errorCode())));
            }
        }
        for (Path layer : layers) {
            for (Path folder : List.of(layer.resolve(service).resolve(account + "-" + region), layer.resolve(service).resolve(account),
                    layer.resolve(service))) {
                Optional<HttpExecuteResponse> found = recorded(folder, action, parameters, account, region);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        unrecorded.add(account + " " + region + " " + service + " " + action + " " + parameters);
        return response(400, "{\"__type\":\"UnrecordedCall\",\"message\":\"no recorded response\"}");
    }

    private Optional<HttpExecuteResponse> recorded(Path folder, String action, Map<String, String> parameters, String account, String region) {
        List<String> names = new ArrayList<>();
        parameters.values().forEach(value -> names.add(action + "@" + value.replaceAll("[^A-Za-z0-9._-]", "_")));
        names.add(action);
        for (String name : names) {
            for (String suffix : List.of(".json", ".xml", ".error.json", ".error.xml")) {
                Path file = folder.resolve(name + suffix);
                if (Files.isRegularFile(file)) {
                    try {
                        String text = Files.readString(file).replace("{account}", account).replace("{region}", region);
                        return Optional.of(response(suffix.startsWith(".error") ? 400 : 200, text));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String callerAccount(HttpExecuteRequest request, Map<String, String> parameters) {
        if ("AssumeRole".equals(parameters.get("Action"))) {
            Matcher role = ROLE_ACCOUNT.matcher(parameters.getOrDefault("RoleArn", ""));
            return role.find() ? role.group(1) : "caller";
        }
        Matcher credential = CREDENTIAL.matcher(request.httpRequest().firstMatchingHeader("Authorization").orElse(""));
        if (credential.find() && credential.group(1).startsWith(SESSION_KEY_PREFIX)) {
            return credential.group(1).substring(SESSION_KEY_PREFIX.length());
        }
        return "caller";
    }

    private static Map<String, String> formParameters(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** Top-level scalar fields; structured ones as their JSON text. */
    private static Map<String, String> jsonParameters(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body.isBlank()) {
            return parameters;
        }
        for (Map.Entry<String, JsonElement> field : JsonParser.parseString(body).getAsJsonObject().entrySet()) {
            parameters.put(field.getKey(), field.getValue().isJsonPrimitive() ? field.getValue().getAsString() : field.getValue().toString());
        }
        return parameters;
    }

    /** An AWS error as the protocol writes it: JSON for services called with X-Amz-Target, the query protocol's XML otherwise. */
    private static String errorBody(boolean json, String code) {
        String message = "injected by the test: " + code;
        return json ? "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}"
                : "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>11111111-2222-3333-4444-555555555555</RequestId></ErrorResponse>";
    }

    private static HttpExecuteResponse response(int status, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String type = text.stripLeading().startsWith("<") ? "text/xml" : "application/x-amz-json-1.1";
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", type)
                        .putHeader("x-amzn-RequestId", "11111111-2222-3333-4444-555555555555")
                        .putHeader("Content-Length", String.valueOf(bytes.length)).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    @Override
    public void close() {
    }
}
