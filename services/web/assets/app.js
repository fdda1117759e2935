// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var body = document.body;

  // Live inbox: the web service proxies the edge's SSE stream with the session's token.
  if (body.dataset.live === "1" && "EventSource" in window) {
    var badge = document.getElementById("unread");
    var list = document.getElementById("inbox-list");
    var status = document.getElementById("live-status");
    var es = new EventSource("/me/notifications/stream");
    es.addEventListener("open", function () {
      body.dataset.liveReady = "1";
    });
    es.addEventListener("notification", function (e) {
      var item = JSON.parse(e.data);
      if (badge) {
        var n = (parseInt(badge.dataset.count || "0", 10) || 0) + 1;
        badge.dataset.count = String(n);
        badge.textContent = String(n);
        badge.hidden = false;
        var label = badge.dataset.label;
        if (label) badge.setAttribute("aria-label", label.replace("{n}", String(n)));
      }
      if (list) {
        var empty = document.getElementById("inbox-empty");
        if (empty) empty.remove();
        var li = document.createElement("li");
        li.className = "card unread";
        var a = document.createElement("a");
        a.href = item.link || "#";
        a.textContent = item.title;
        var p = document.createElement("p");
        p.textContent = item.body || "";
        li.appendChild(a);
        li.appendChild(p);
        list.insertBefore(li, list.firstChild);
      }
      if (status) status.textContent = item.title;
    });
    es.addEventListener("resync", function () {
      if (list) location.reload();
    });
  }

  // A booking whose payment the provider has not confirmed yet: reload until it has, backing off
  // (1 s, 2 s, 4 s … 30 s) so a payment stuck at the bank does not hammer the server.
  var awaiting = document.querySelector("[data-awaiting-payment]");
  if (awaiting && window.sessionStorage) {
    var key = "await:" + awaiting.getAttribute("data-awaiting-payment");
    var tries = parseInt(sessionStorage.getItem(key) || "0", 10) || 0;
    sessionStorage.setItem(key, String(tries + 1));
    setTimeout(function () { location.reload(); }, Math.min(1000 * Math.pow(2, tries), 30000));
  }

  // "Near me": fill latitude and longitude from the browser when asked.
  var near = document.getElementById("near");
  if (near && "geolocation" in navigator) {
    near.addEventListener("change", function () {
      if (!near.checked) return;
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById("lat").value = pos.coords.latitude.toFixed(5);
        document.getElementById("lng").value = pos.coords.longitude.toFixed(5);
      }, function () {
        near.checked = false;
      });
    });
  }

  // Check-in: submit codes without a page load; scan with BarcodeDetector where the browser has it.
  var checkin = document.getElementById("checkin-form");
  if (checkin && window.fetch) {
    var out = document.getElementById("checkin-result");
    var code = document.getElementById("code");
    var send = function (value) {
      var data = new URLSearchParams(new FormData(checkin));
      data.set("code", value);
      return fetch(checkin.action, { method: "POST", body: data, headers: { accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (r) {
          out.className = "result " + (r.outcome === "checked_in" ? "ok" : "bad");
          out.textContent = r.message;
          code.value = "";
          code.focus();
        });
    };
    checkin.addEventListener("submit", function (e) {
      e.preventDefault();
      if (code.value.trim()) send(code.value.trim());
    });
    var scan = document.getElementById("scan");
    if (scan && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
      scan.hidden = false;
      scan.addEventListener("click", function () {
        var video = document.getElementById("camera");
        var last = "";
        scan.disabled = true;
        Promise.all([qrDetector(scan), navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } })]).then(function (got) {
          var detector = got[0];
          video.srcObject = got[1];
          video.hidden = false;
          return video.play().then(function loop() {
            // A frame the detector cannot read yet (the camera still starting) is just skipped.
            return detector.detect(video).catch(function () { return []; }).then(function (codes) {
              if (codes.length && codes[0].rawValue !== last) {
                last = codes[0].rawValue;
                send(last);
              }
              requestAnimationFrame(loop);
            });
          });
        }).catch(function (err) {
          scan.disabled = false;
          out.className = "result bad";
          out.textContent = String(err && err.message || err);
        });
      });
    }
  }

  // The browser's BarcodeDetector where it has one; elsewhere (desktop Chrome on Linux and
  // Windows, Firefox) the ZXing polyfill served by this site, fetched only when the camera opens.
  function qrDetector(scan) {
    if ("BarcodeDetector" in window) return Promise.resolve(new window.BarcodeDetector({ formats: ["qr_code"] }));
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = scan.getAttribute("data-scanner");
      s.onload = function () {
        var api = window.BarcodeDetectionAPI;
        var wasm = scan.getAttribute("data-wasm");
        api.prepareZXingModule({ overrides: { locateFile: function (path, prefix) { return /\.wasm$/.test(path) ? wasm : prefix + path; } } });
        resolve(new api.BarcodeDetector({ formats: ["qr_code"] }));
      };
      s.onerror = function () { reject(new Error("the QR scanner could not be loaded")); };
      document.head.appendChild(s);
    });
  }

  // Sales chart: drawn with uPlot (loaded only here) from the page's own table of days.
  var chart = document.getElementById("sales-chart");
  if (chart) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = chart.getAttribute("data-css");
    document.head.appendChild(css);
    var lib = document.createElement("script");
    lib.src = chart.getAttribute("data-script");
    lib.onload = function () {
      var xs = [], perDay = [], total = [], sum = 0;
      document.querySelectorAll("#sales-days tbody tr").forEach(function (tr) {
        xs.push(Date.parse(tr.getAttribute("data-date") + "T00:00:00Z") / 1000);
        var n = parseInt(tr.getAttribute("data-tickets"), 10) || 0;
        perDay.push(n);
        total.push(sum += n);
      });
      // An empty day either side, so one day of sales is a bar and not a point lost in years of axis.
      xs.unshift(xs[0] - 86400);
      perDay.unshift(0);
      total.unshift(0);
      xs.push(xs[xs.length - 1] + 86400);
      perDay.push(0);
      total.push(sum);
      var U = window.uPlot;
      new U({
        width: Math.max(280, chart.clientWidth),
        height: 260,
        scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
        series: [
          {},
          { label: chart.getAttribute("data-label-day"), stroke: "#0b57d0", fill: "rgba(11,87,208,0.25)", paths: U.paths.bars({ size: [0.6, 48] }), points: { show: false } },
          { label: chart.getAttribute("data-label-total"), stroke: "#1e7a3c", width: 2 },
        ],
      }, [xs, perDay, total], chart);
      chart.setAttribute("data-drawn", String(xs.length - 2));
    };
    document.head.appendChild(lib);
  }

  // Confirm destructive actions.
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) e.preventDefault();
  });
})();

// Attachments: the API takes base64 in JSON; read the chosen file into the form's hidden fields.
(function () {
  var form = document.querySelector("form[data-file-upload]");
  if (!form || !window.FileReader) return;
  form.addEventListener("submit", function (e) {
    var file = form.querySelector("input[type=file]").files[0];
    if (!file || form.dataset.ready) return;
    e.preventDefault();
    var reader = new FileReader();
    reader.onload = function () {
      var s = String(reader.result);
      form.elements.filename.value = file.name;
      form.elements.contentType.value = file.type || "application/octet-stream";
      form.elements.dataBase64.value = s.slice(s.indexOf(",") + 1);
      form.dataset.ready = "1";
      form.querySelector("input[type=file]").disabled = true;
      form.submit();
    };
    reader.readAsDataURL(file);
  });
})();
