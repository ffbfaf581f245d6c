// Dashboard auto-refresh: a countdown that refreshes the data over AJAX at zero (refreshDashboard comes from
// p:remoteCommand, no page reload); the button pauses and resumes it. A file rather than an inline script:
// the Content-Security-Policy allows scripts from this application only (and PrimeFaces' nonce'd ones).
(function () {
    var period = 60, left = period, running = true;
    function label() { return document.getElementById('countdown'); }
    setInterval(function () {
        if (!running) { return; }
        left -= 1;
        if (left <= 0) { left = period; window.refreshDashboard(); }
        label().textContent = left;
    }, 1000);
    document.addEventListener('DOMContentLoaded', function () {
        var toggle = document.getElementById('refresh-toggle');
        toggle.addEventListener('click', function () {
            running = !running;
            toggle.textContent = running ? 'Pause' : 'Resume';
            label().textContent = running ? left : 'paused';
        });
    });
})();
