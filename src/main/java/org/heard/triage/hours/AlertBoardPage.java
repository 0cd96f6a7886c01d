package org.heard.triage.hours;

import org.heard.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The alert board in every supervisor's top bar, read again whenever a clock warns or runs out, and its mute buttons.
 */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class AlertBoardPage {

    private final AlertBoards boards;

    AlertBoardPage(AlertBoards boards) {
        this.boards = boards;
    }

    @GetMapping("/triage/alerts/board")
    String board(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("board", boards.of(me.id()));
        return "triage/alerts :: board";
    }

    @PostMapping("/triage/alerts/mutes")
    String mute(@RequestParam String queue, @AuthenticationPrincipal SignedInUser me, Model model) {
        boards.mute(me.id(), known(queue));
        return board(me, model);
    }

    @PostMapping("/triage/alerts/mutes/end")
    String unmute(@RequestParam String queue, @AuthenticationPrincipal SignedInUser me, Model model) {
        boards.unmute(me.id(), queue);
        return board(me, model);
    }

    private String known(String queue) {
        if (!boards.known(queue)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no queue " + queue + " to mute.");
        }
        return queue;
    }
}
