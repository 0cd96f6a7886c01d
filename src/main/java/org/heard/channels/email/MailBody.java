package org.heard.channels.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a customer wrote in a MIME message (RFC 2045–2049): the plain text part, or the HTML part as
 * safe text when there is no plain one, and what was attached. Heard has no store for files yet, so an
 * attachment is kept as its name, type and size only.
 */
record MailBody(String text, List<Attachment> attachments) {

    record Attachment(String name, String type, long size) {

        @Override
        public String toString() {
            return name + " (" + type + ", " + size(size) + ")";
        }

        private static String size(long bytes) {
            if (bytes < 1024) {
                return bytes + " bytes";
            }
            if (bytes < 1024 * 1024) {
                return Math.round(bytes / 1024.0) + " KB";
            }
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
    }

    static MailBody of(Part message) throws MessagingException, IOException {
        var found = new Found();
        found.walk(message);
        String text;
        if (found.plain != null) {
            text = found.plain;
        } else if (found.html != null) {
            text = HtmlText.of(found.html);
        } else {
            text = "";
        }
        return new MailBody(text, List.copyOf(found.attachments));
    }

    private static final class Found {
        @Nullable
        String plain;

        @Nullable
        String html;

        final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    walk(parts.getBodyPart(i));
                }
                return;
            }
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || (part.getFileName() != null && !part.isMimeType("text/*"))
                    || part.isMimeType("message/rfc822");
            if (!attached && part.isMimeType("text/plain") && plain == null) {
                plain = flowed(part, text(part));
            } else if (!attached && part.isMimeType("text/html") && html == null) {
                html = text(part);
            } else if (part instanceof BodyPart) {
                attachments.add(new Attachment(name(part), type(part), size(part)));
            }
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        try {
            return String.valueOf(part.getContent());
        } catch (IOException unknownCharset) {
            // A charset Java does not know: read the bytes as UTF-8, which most such mail is.
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Joins the lines a format=flowed part (RFC 3676) broke only to fit the screen. */
    private static String flowed(Part part, String text) throws MessagingException {
        ContentType type;
        try {
            type = new ContentType(part.getContentType());
        } catch (MessagingException e) {
            return text;
        }
        if (!"flowed".equalsIgnoreCase(type.getParameter("format"))) {
            return text;
        }
        boolean delSp = "yes".equalsIgnoreCase(type.getParameter("delsp"));
        var out = new StringBuilder();
        for (var line : text.replace("\r\n", "\n").split("\n", -1)) {
            boolean soft = line.endsWith(" ") && !line.equals("-- ");
            out.append(soft && delSp ? line.substring(0, line.length() - 1) : line);
            if (!soft) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String name(Part part) throws MessagingException {
        var name = part.getFileName();
        if (name == null || name.isBlank()) {
            return "unnamed";
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }

    private static String type(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    private static long size(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
