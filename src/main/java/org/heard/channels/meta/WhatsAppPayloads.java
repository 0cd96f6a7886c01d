package org.heard.channels.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The WhatsApp Cloud API's documented wire format: the {@code messages} webhook field's {@code value} and the
 * {@code POST /<PHONE_NUMBER_ID>/messages} request.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages">
 *     messages webhook reference</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/text/">
 *     text messages webhook reference</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/">
 *     status messages webhook reference</a>
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages">Messages API</a>
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates">Send
 *     message templates</a>
 * @see <a href="https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates">Message
 *     templates (WhatsApp Business Management API)</a>
 */
final class WhatsAppPayloads {

    private WhatsAppPayloads() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Value(
            @JsonProperty("messaging_product") @Nullable String messagingProduct,
            @Nullable Metadata metadata,
            @Nullable List<Contact> contacts,
            @Nullable List<Message> messages) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(
            @JsonProperty("display_phone_number") @Nullable String displayPhoneNumber,
            @JsonProperty("phone_number_id") @Nullable String phoneNumberId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(
            @Nullable Profile profile,
            @JsonProperty("wa_id") @Nullable String waId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(@Nullable String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(
            @Nullable String from,
            @Nullable String id,
            @Nullable String timestamp,
            @Nullable String type,
            @Nullable Context context,
            @Nullable Text text,
            @Nullable Button button,
            @Nullable Interactive interactive,
            @Nullable Media image,
            @Nullable Media video,
            @Nullable Media document,
            @Nullable Media audio,
            @Nullable Media sticker,
            @Nullable Location location) {

        /** What an agent reads: the text, a caption, a tapped button, or the kind of thing sent. */
        String readable() {
            var shown = switch (type == null ? "" : type) {
                case "text" -> text == null ? null : text.body();
                case "button" -> button == null ? null : button.text();
                case "interactive" -> interactive == null ? null : interactive.title();
                case "image" -> caption(image);
                case "video" -> caption(video);
                case "document" -> document == null ? null : firstOf(document.caption(), document.filename());
                case "location" -> location == null ? null : firstOf(location.name(), location.address());
                default -> null;
            };
            return shown != null && !shown.isBlank() ? shown : "[" + (type == null ? "message" : type) + "]";
        }

        private static @Nullable String caption(@Nullable Media media) {
            return media == null ? null : media.caption();
        }

        private static @Nullable String firstOf(@Nullable String first, @Nullable String second) {
            return first != null && !first.isBlank() ? first : second;
        }
    }

    /** The message the customer answered, when they used WhatsApp's reply. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Context(@Nullable String from, @Nullable String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Text(@Nullable String body) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Button(@Nullable String payload, @Nullable String text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Interactive(
            @Nullable String type,
            @JsonProperty("button_reply") @Nullable Choice buttonReply,
            @JsonProperty("list_reply") @Nullable Choice listReply) {

        @Nullable
        String title() {
            return buttonReply != null ? buttonReply.title() : listReply != null ? listReply.title() : null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Choice(@Nullable String id, @Nullable String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Media(
            @Nullable String id,
            @Nullable String caption,
            @Nullable String filename) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Location(@Nullable String name, @Nullable String address) {}

    /** A text reply; {@code context} quotes the customer's message so the reply sits under it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextReply(
            @JsonProperty("messaging_product") String messagingProduct,
            @JsonProperty("recipient_type") String recipientType,
            String to,
            String type,
            OutboundText text,
            @Nullable ReplyContext context) {

        TextReply(String to, String body, @Nullable String inReplyTo) {
            this(
                    "whatsapp",
                    "individual",
                    to,
                    "text",
                    new OutboundText(false, body),
                    inReplyTo == null ? null : new ReplyContext(inReplyTo));
        }
    }

    record OutboundText(@JsonProperty("preview_url") boolean previewUrl, String body) {}

    record ReplyContext(@JsonProperty("message_id") String messageId) {}

    /**
     * An approved template sent outside the 24-hour window: {@code "type":"template"} with the body's variables as
     * {@code components[].parameters} of type {@code text}, in the order of {@code {{1}}}, {@code {{2}}} ….
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TemplateReply(
            @JsonProperty("messaging_product") String messagingProduct,
            @JsonProperty("recipient_type") String recipientType,
            String to,
            String type,
            OutboundTemplate template,
            @Nullable ReplyContext context) {

        TemplateReply(String to, String name, String language, List<String> variables, @Nullable String inReplyTo) {
            this(
                    "whatsapp",
                    "individual",
                    to,
                    "template",
                    new OutboundTemplate(
                            name,
                            new TemplateLanguage(language),
                            variables.isEmpty()
                                    ? null
                                    : List.of(new TemplateComponent(
                                            "body",
                                            variables.stream()
                                                    .map(v -> new TemplateParameter("text", v))
                                                    .toList()))),
                    inReplyTo == null ? null : new ReplyContext(inReplyTo));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutboundTemplate(
            String name,
            TemplateLanguage language,
            @Nullable List<TemplateComponent> components) {}

    record TemplateLanguage(String code) {}

    record TemplateComponent(String type, List<TemplateParameter> parameters) {}

    record TemplateParameter(String type, String text) {}

    /** One page of {@code GET /<WABA_ID>/message_templates}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplatePage(@Nullable List<TemplateDefinition> data) {}

    /** A template as Meta lists it: name, language, status and its components (HEADER, BODY, FOOTER, BUTTONS). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplateDefinition(
            @Nullable String name,
            @Nullable String language,
            @Nullable String status,
            @Nullable String category,
            @JsonProperty("parameter_format") @Nullable String parameterFormat,
            @Nullable List<TemplateDefinitionComponent> components) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplateDefinitionComponent(
            @Nullable String type,
            @Nullable String format,
            @Nullable String text,
            @Nullable List<TemplateButton> buttons) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplateButton(
            @Nullable String type,
            @Nullable String text,
            @Nullable String url) {}
}
