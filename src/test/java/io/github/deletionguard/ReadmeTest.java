package io.github.deletionguard;

import com.pulumi.resources.CustomResource;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.StackFile;
import io.github.deletionguard.testing.ProjectFiles;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the README promises about the code, checked against the code. */
class ReadmeTest {
    private static final String README = ProjectFiles.read("README.md");

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    @Test
    void theContentsListEverySectionInOrder() {
        List<String> sections = README.lines().filter(line -> line.startsWith("## ") && !line.equals("## Contents"))
                .map(line -> line.substring(3)).toList();
        String contents = README.substring(README.indexOf("## Contents"), README.indexOf("\n## ", README.indexOf("## Contents") + 1));
        Matcher entry = Pattern.compile("- \\[(.+)]\\(#([^)]+)\\)").matcher(contents);
        List<String> listed = new java.util.ArrayList<>();
        while (entry.find()) {
            assertEquals(anchor(entry.group(1)), entry.group(2), "the link of " + entry.group(1));
            listed.add(entry.group(1));
        }
        assertEquals(sections, listed, "add a new ## section to the Contents");
    }

    /** Tags come from the providers' default tags; the README must name every type the program deploys that takes none. */
    @Test
    void theTypesThatCannotCarryTagsAreNamed() {
        Set<String> untagged = new TreeSet<>();
        stackFiles().stream().flatMap(stack -> Deployments.ofStackFile(stack).resources().stream())
                .filter(resource -> resource.type().startsWith("aws:") && !resource.isProvider())
                .map(PlannedResource::type).distinct()
                .filter(type -> !hasTags(sdkClass(type)))
                .forEach(type -> untagged.add(type.substring(type.lastIndexOf(':') + 1)));
        Set<String> unnamed = new TreeSet<>(untagged);
        unnamed.removeIf(kind -> README.contains("(`" + kind + "`") || README.contains("`" + kind + "`,") || README.contains("`" + kind + "`)"));

        assertEquals(Set.of(), unnamed, "untaggable types deployed: " + untagged);
    }

    @Test
    void everyMavenCommandRunsInBatchMode() {
        // Commands: the lines of code blocks and inline spans that run a goal (prose may name one, as in `mvn verify`).
        List<String> interactive = README.lines()
                .filter(line -> line.startsWith("mvn ") || line.matches(".*`mvn [^`]*exec:(java|exec)[^`]*`.*"))
                .filter(line -> !line.contains(" -B")).toList();
        assertEquals(List.of(), interactive);
    }

    private static List<String> stackFiles() {
        try {
            return StackFile.stacks(Path.of(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code aws:cloudwatch/eventTarget:EventTarget} is {@code com.pulumi.aws.cloudwatch.EventTarget}. */
    @SuppressWarnings("unchecked")
    private static Class<? extends CustomResource> sdkClass(String type) {
        String module = type.substring(type.indexOf(':') + 1, type.indexOf('/'));
        String name = type.substring(type.lastIndexOf(':') + 1);
        try {
            return (Class<? extends CustomResource>) Class.forName("com.pulumi.aws." + module + "." + name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no SDK class for " + type, e);
        }
    }

    private static boolean hasTags(Class<? extends CustomResource> type) {
        return Stream.of(type.getMethods()).anyMatch(method -> method.getName().equals("tags") && method.getParameterCount() == 0);
    }
}
