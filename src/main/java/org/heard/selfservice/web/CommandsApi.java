package org.heard.selfservice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.heard.platform.Problems;
import org.heard.selfservice.internal.Command;
import org.heard.selfservice.internal.CommandKind;
import org.heard.selfservice.internal.Commands;
import org.heard.selfservice.internal.Figures;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hashtag commands and their figures: everyone on the team may read them, supervisors (and admins) change them. A
 * change applies to the next message.
 */
@RestController
@RequestMapping("/api/selfservice")
@Tag(name = "Self-service")
class CommandsApi {

    private final Commands commands;
    private final Figures figures;

    CommandsApi(Commands commands, Figures figures) {
        this.commands = commands;
        this.figures = figures;
    }

    @GetMapping("/commands")
    @Operation(summary = "The hashtag commands, in alphabetical order")
    List<Command> all() {
        return commands.all();
    }

    @GetMapping("/commands/{tag}")
    @Operation(summary = "One command")
    ResponseEntity<?> one(@PathVariable String tag) {
        return commands.find(Command.normalTag(tag))
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> missing(tag));
    }

    @PutMapping("/commands/{tag}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(
            summary = "Create or change a command",
            description = "kind ANSWER: the same public answer for everyone; ACCOUNT: values from the company's"
                    + " system, such as {{balance}}, sent privately once the customer connects their account;"
                    + " CASE: opens a conversation for a person in queue at priority (default 60) and says so."
                    + " enabled defaults to true.")
    Command put(@PathVariable String tag, @RequestBody CommandRequest request) {
        return commands.save(new Command(
                tag,
                request.kind(),
                request.answer(),
                request.queue(),
                request.priority(),
                request.enabled() == null || request.enabled()));
    }

    @DeleteMapping("/commands/{tag}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Remove a command; its figures stay")
    ResponseEntity<?> remove(@PathVariable String tag) {
        return commands.remove(Command.normalTag(tag))
                ? ResponseEntity.noContent().build()
                : missing(tag);
    }

    @GetMapping("/figures")
    @Operation(
            summary = "Per command: uses, answered by the bot, deflected (closed by the bot with no handover),"
                    + " links sent and completed, cases opened, handovers, failed lookups; help replies under"
                    + " \"unknown\"")
    List<Figures.CommandFigures> figures() {
        return figures.all();
    }

    private static ResponseEntity<?> missing(String tag) {
        return Problems.answer(HttpStatus.NOT_FOUND, "No such command", "There is no command #" + tag + ".");
    }

    record CommandRequest(
            @Nullable CommandKind kind,
            @Nullable String answer,
            @Nullable String queue,
            @Nullable Integer priority,
            @Nullable Boolean enabled) {}
}
