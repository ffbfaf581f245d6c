package com.ipmimonitor.alerting.control;

import com.ipmimonitor.alerting.entity.DeliveryFailure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends one plain-text e-mail through the configured SMTP server (Jakarta Mail, provided by Payara) with hard
 * connect, read and write timeouts. STARTTLS, when on, is required: a server that does not offer it gets no
 * password and no mail.
 */
public final class MailSender {

    public record Settings(String host, int port, Optional<String> user, Optional<String> password, String from,
                           boolean startTls, Duration timeout) {
    }

    private final Settings settings;

    public MailSender(Settings settings) {
        this.settings = settings;
    }

    public void send(List<String> recipients, MailText text) throws DeliveryFailure {
        Session session = Session.getInstance(properties());
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", recipients)));
            message.setSubject(text.subject(), "UTF-8");
            message.setText(text.body(), "UTF-8");
            message.setSentDate(new Date());
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
                        settings.password().orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (AddressException e) {
            throw new DeliveryFailure("invalid address: " + e.getMessage());
        } catch (MessagingException e) {
            throw new DeliveryFailure("SMTP " + settings.host() + ":" + settings.port() + ": " + rootMessage(e));
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String ms = String.valueOf(settings.timeout().toMillis());
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.auth", String.valueOf(settings.user().isPresent()));
        p.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        p.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        return p;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
        return message.replaceAll("[\\r\\n]+", " ").strip();
    }
}
