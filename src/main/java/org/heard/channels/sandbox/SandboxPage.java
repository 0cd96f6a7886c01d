package org.heard.channels.sandbox;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /sandbox}: anyone can be a customer of the demo brand, in public or in private. */
@SandboxEnabled
@Controller
class SandboxPage {

    private final SandboxNetwork network;
    private final TrafficGenerator generator;

    SandboxPage(SandboxNetwork network, TrafficGenerator generator) {
        this.network = network;
        this.generator = generator;
    }

    @GetMapping("/sandbox")
    String page(@RequestParam(required = false) String as, Model model) {
        var personas = network.personas().stream().filter(p -> !p.brand()).toList();
        model.addAttribute("personas", personas);
        model.addAttribute(
                "as", as == null || as.isBlank() ? personas.getFirst().handle() : as);
        model.addAttribute("brand", network.brand());
        model.addAttribute("generator", generator);
        timeline(model);
        return "sandbox/sandbox";
    }

    @GetMapping("/sandbox/timeline")
    String timelineFragment(Model model) {
        timeline(model);
        return "sandbox/sandbox :: timeline";
    }

    @PostMapping("/sandbox/posts")
    String post(
            @RequestParam String author,
            @RequestParam String text,
            @RequestParam(required = false) @Nullable Long inReplyTo,
            @RequestParam(defaultValue = "false") boolean isPrivate,
            Model model,
            HttpServletResponse response) {
        // The timeline answered here may already miss the brand's instant reply: the page fetches it once more.
        response.setHeader("HX-Trigger-After-Swap", "sandbox-posted");
        try {
            network.post(author, text, inReplyTo, isPrivate);
        } catch (Refused e) {
            model.addAttribute("problem", e.getMessage());
        }
        timeline(model);
        return "sandbox/sandbox :: timeline";
    }

    @PostMapping("/sandbox/generator")
    String generator(
            @RequestParam(defaultValue = "0") int perMinute,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        if (perMinute <= 0) {
            generator.stop();
        } else {
            generator.start(perMinute);
            redirect.addFlashAttribute(
                    "notice",
                    "Demo traffic is on: sandbox customers write about " + perMinute
                            + " messages a minute, the first one now. Stop it on the Sandbox page.");
        }
        return "redirect:" + ("inbox".equals(back) ? "/inbox" : "/sandbox");
    }

    private void timeline(Model model) {
        var posts = network.recent(300);
        model.addAttribute(
                "threads", threads(posts.stream().filter(p -> !p.isPrivate()).toList()));
        model.addAttribute(
                "messages", posts.stream().filter(SandboxPost::isPrivate).toList());
    }

    /** Groups public posts under the post that started their thread, the liveliest thread first. */
    static List<Thread> threads(List<SandboxPost> posts) {
        Map<Long, SandboxPost> byId = new LinkedHashMap<>();
        posts.forEach(p -> byId.put(p.id(), p));
        Map<Long, List<SandboxPost>> byRoot = new LinkedHashMap<>();
        for (var post : posts) {
            var root = post;
            int depth = 0;
            while (root.inReplyTo() != null && byId.containsKey(root.inReplyTo()) && depth++ < 100) {
                root = byId.get(root.inReplyTo());
            }
            byRoot.computeIfAbsent(root.id(), k -> new ArrayList<>()).add(post);
        }
        return byRoot.entrySet().stream()
                .map(e -> {
                    var thread = new ArrayList<>(e.getValue());
                    thread.sort(Comparator.comparingLong(SandboxPost::id));
                    return new Thread(thread.getFirst(), thread.subList(1, thread.size()));
                })
                .sorted(Comparator.comparingLong((Thread t) -> t.latest()).reversed())
                .toList();
    }

    record Thread(SandboxPost root, List<SandboxPost> replies) {
        long latest() {
            return replies.isEmpty() ? root.id() : replies.getLast().id();
        }
    }
}
