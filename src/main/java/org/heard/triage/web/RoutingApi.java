package org.heard.triage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.heard.identity.Colleagues;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.heard.triage.routing.Agent;
import org.heard.triage.routing.Agent.Presence;
import org.heard.triage.routing.Agents;
import org.heard.triage.routing.Queue;
import org.heard.triage.routing.Queues;
import org.heard.triage.routing.Routing;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Queues, agents' skills and capacity, presence, and taking the next conversation. */
@RestController
@RequestMapping("/api/triage")
@Tag(name = "Triage: queues and agents")
class RoutingApi {

    private final Queues queues;
    private final Agents agents;
    private final Routing routing;
    private final Colleagues colleagues;

    RoutingApi(Queues queues, Agents agents, Routing routing, Colleagues colleagues) {
        this.queues = queues;
        this.agents = agents;
        this.routing = routing;
        this.colleagues = colleagues;
    }

    @GetMapping("/queues")
    @Operation(summary = "The team's queues in order, with their members")
    List<Queue> queues() {
        return queues.reload();
    }

    /** A queue as a supervisor writes it; the key comes from the path. */
    record QueueForm(
            String name,
            @Nullable List<String> languages,
            Queue.@Nullable Mode mode,
            @Nullable Integer position,
            @Nullable List<Long> members) {}

    @PutMapping("/queues/{key}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Create or change a queue (supervisors)")
    Queue saveQueue(@PathVariable String key, @RequestBody QueueForm form) {
        var members = form.members() == null ? List.<Long>of() : form.members();
        for (long member : members) {
            if (colleagues.find(member).isEmpty()) {
                throw new Refused("There is no colleague " + member + " to make a member of the queue.");
            }
        }
        return queues.save(new Queue(
                key,
                form.name(),
                form.languages() == null ? List.of() : form.languages(),
                form.mode() == null ? Queue.Mode.PUSH : form.mode(),
                form.position() == null ? 0 : form.position(),
                members));
    }

    @DeleteMapping("/queues/{key}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a queue (supervisors); the general queue stays")
    void deleteQueue(@PathVariable String key) {
        queues.delete(key);
    }

    @GetMapping("/agents")
    @Operation(summary = "Agents' skills, capacity and presence")
    List<Agent> agents() {
        return colleagues.active().stream().map(c -> agents.find(c.id())).toList();
    }

    /** Skills and capacity as a supervisor sets them. */
    record AgentForm(int capacity, @Nullable List<String> skills) {}

    @PutMapping("/agents/{userId}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Set an agent's skills and capacity (supervisors)")
    Agent saveAgent(@PathVariable long userId, @RequestBody AgentForm form) {
        if (colleagues.find(userId).isEmpty()) {
            throw new Refused("There is no colleague " + userId + ".");
        }
        var agent = new Agent(
                userId,
                form.capacity(),
                form.skills() == null ? List.of() : form.skills(),
                agents.find(userId).presence());
        agents.save(agent);
        return agent;
    }

    /** Presence as an agent sets it. */
    record PresenceForm(Presence presence) {
        PresenceForm {
            if (presence == null) {
                throw new Refused("Say which presence: ONLINE, AWAY or OFFLINE.");
            }
        }
    }

    @PutMapping("/presence")
    @Operation(summary = "Set my presence: online takes work, away keeps mine, offline hands mine back")
    Agent presence(@RequestBody PresenceForm form, @AuthenticationPrincipal SignedInUser me) {
        routing.presenceChanged(me.id(), form.presence());
        return agents.find(me.id());
    }

    /** The conversation an agent took. */
    record Taken(long conversationId) {}

    @PostMapping("/next")
    @Operation(summary = "Take the most important unassigned conversation in my queues")
    ResponseEntity<Taken> next(@AuthenticationPrincipal SignedInUser me) {
        return routing.takeNext(me.id())
                .map(id -> ResponseEntity.created(URI.create("/api/conversations/" + id))
                        .body(new Taken(id)))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No unassigned conversation is waiting in your queues. Well done."));
    }
}
