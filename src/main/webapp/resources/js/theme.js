// Light or dark theme, set on <html data-theme> before the page is painted (this file is loaded, blocking, in the
// head): the choice made with the header's switch (kept in localStorage), else the system's prefers-color-scheme,
// followed live. A file rather than an inline script: the Content-Security-Policy allows scripts from here only.
(function () {
    var KEY = 'ipmimon-theme';
    var root = document.documentElement;
    var system = window.matchMedia('(prefers-color-scheme: dark)');

    var choice = null;
    try { choice = localStorage.getItem(KEY); } catch (e) { /* storage off: follow the system */ }

    function current() {
        return choice === 'dark' || choice === 'light' ? choice : (system.matches ? 'dark' : 'light');
    }
    function showOn(button) {
        if (button) { button.setAttribute('aria-pressed', String(current() === 'dark')); }
    }
    function apply() {
        root.setAttribute('data-theme', current());
        showOn(document.getElementById('theme-switch'));
    }

    apply();
    system.addEventListener('change', apply);
    document.addEventListener('DOMContentLoaded', function () {
        var button = document.getElementById('theme-switch');
        showOn(button);
        button.addEventListener('click', function () {
            choice = current() === 'dark' ? 'light' : 'dark';
            try { localStorage.setItem(KEY, choice); } catch (e) { /* kept for this page only */ }
            apply();
        });
    });
})();
