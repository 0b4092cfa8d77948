package io.github.deletionguard.outputs;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a map of Outputs into one Output of a plain map, as stack outputs need, sorted by name. */
public final class OutputMaps {
    private OutputMaps() {
    }

    public static Output<Map<String, Object>> resolved(Map<String, ? extends Output<?>> outputs) {
        List<String> names = new ArrayList<>(new TreeMap<>(outputs).keySet());
        List<Output<Object>> values = names.stream()
                .map(name -> outputs.get(name).applyValue(value -> (Object) value))
                .toList();
        return Output.all(values).applyValue(resolved -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), resolved.get(i));
            }
            return map;
        });
    }
}
