package org.heard.channels;

import java.util.List;

/** The approved message templates of an account, for a composer that offers them once a messaging window closed. */
public interface Templates {

    /**
     * The account's approved templates, as the network lists them now.
     *
     * @param account the network's id for the account, as conversations name it
     * @throws SendFailed with the network's reason when it cannot list them
     */
    List<MessageTemplate> approved(String channel, String account) throws SendFailed;
}
