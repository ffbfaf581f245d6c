package com.ipmimonitor.security.boundary;

/** The sign-in form. Kept as plain HTML so it works even when the JSF side is broken. */
final class LoginPage {

    private LoginPage() {
    }

    static String render(String appName, boolean failed, String next) {
        String title = escape(appName);
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"><title>Sign in - %s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:sans-serif;background:#f4f6f8;display:flex;justify-content:center;padding-top:10vh}
                form{background:#fff;padding:2em;border-radius:8px;box-shadow:0 2px 8px #0002;min-width:18em}
                label,input,button{display:block;width:100%%;margin:.4em 0}input{padding:.5em}button{padding:.6em}
                .error{color:#b00020}</style></head>
                <body><form method="post" action="login" id="login-form">
                <h1>%s</h1>%s
                <label for="username">User</label><input id="username" name="username" autocomplete="username" required>
                <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="next" value="%s">
                <button type="submit" id="login-button">Sign in</button>
                </form></body></html>
                """.formatted(title, title, failed ? "<p class=\"error\" id=\"login-error\">Wrong user or password.</p>" : "",
                escape(next));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
