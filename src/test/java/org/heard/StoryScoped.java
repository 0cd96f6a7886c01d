package org.heard;

/**
 * A test double in the shared test application that remembers what Heard did to it (messages a test
 * network was sent); {@link CleanSlate} makes it forget before every story, so that no story reads
 * another's.
 */
public interface StoryScoped {

    void forgetTheLastStory();
}
