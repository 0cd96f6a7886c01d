import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Just enough JSON for the report: maps, lists, strings, numbers. */
final class Json {

    private Json() {}

    static String write(Object value) {
        var out = new StringBuilder();
        write(value, out, "");
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        switch (value) {
            case null -> out.append("null");
            case Map<?, ?> map -> {
                out.append("{\n");
                var entries = new ArrayList<>(map.entrySet());
                for (int i = 0; i < entries.size(); i++) {
                    out.append(indent).append("  ");
                    string(String.valueOf(entries.get(i).getKey()), out);
                    out.append(": ");
                    write(entries.get(i).getValue(), out, indent + "  ");
                    out.append(i + 1 < entries.size() ? ",\n" : "\n");
                }
                out.append(indent).append("}");
            }
            case List<?> list -> {
                out.append("[\n");
                for (int i = 0; i < list.size(); i++) {
                    out.append(indent).append("  ");
                    write(list.get(i), out, indent + "  ");
                    out.append(i + 1 < list.size() ? ",\n" : "\n");
                }
                out.append(indent).append("]");
            }
            case Number number -> out.append(number);
            case Boolean bool -> out.append(bool);
            default -> string(String.valueOf(value), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
