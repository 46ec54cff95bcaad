/* Dilemmes au travail : l'explorateur des cas (page cas/).
 *
 * Sans JavaScript, la page est la liste complète. Ce script montre le formulaire de
 * filtres, masque les cas qui ne correspondent pas, met à jour les nombres (dans les
 * choix et dans une région « status » lue par les lecteurs d'écran) et écrit les filtres
 * dans l'adresse (history.replaceState) pour qu'une vue filtrée se partage.
 *
 * Chaque cas porte ses clés dans des attributs data-* (data-theme, data-piste,
 * data-niveau, data-fonction, data-canal : des identifiants séparés par des espaces).
 * overrides/main.html ne le charge que sur cette page, ou sur toutes si la navigation
 * instantanée de Material est activée : il démarre alors à chaque changement de page
 * (document$) et ne garde aucun état global.
 */
(function () {
  "use strict";

  var FACETS = ["theme", "fonction", "canal", "piste", "niveau"];
  var ANNOUNCE_DELAY = 500; // ms : laisser finir la frappe avant d'annoncer le nombre
  var ADDRESS_DELAY = 300;
  // Sur un écran étroit, les listes de choix restent repliées sauf si un filtre est actif.
  var WIDE = "(min-width: 60em)";

  // Même pliage que facets.fold côté Python : minuscules, sans accents ni ligatures.
  function fold(text) {
    return text
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ");
  }

  // « Clientèles l'entreprise » → ["clientele", "entreprise"] : élisions et mots d'une
  // lettre ignorés, pluriel en -s ou -x retiré pour que « erreurs » trouve « erreur ».
  function queryWords(query) {
    return fold(query)
      .split(" ")
      .filter(function (word) { return word.length > 1; })
      .map(function (word) { return word.length > 3 ? word.replace(/[sx]$/, "") : word; });
  }

  // Le filtre texte porte sur le titre, le résumé et les mots-clés (pas sur les thèmes,
  // qui ont leur propre liste de choix).
  function searchedText(li) {
    return [":scope > strong", ".explorateur-resume", ".explorateur-mots"]
      .map(function (selector) {
        var part = li.querySelector(selector);
        return part ? part.textContent : "";
      })
      .join(" ");
  }

  function keySet(value) {
    return new Set((value || "").split(" ").filter(Boolean));
  }

  function start(root) {
    var form = root.querySelector("form");
    var status = root.querySelector("#explorateur-compte");
    var input = form.querySelector("input[name=texte]");
    var selects = {};
    FACETS.forEach(function (name) { selects[name] = form.elements[name]; });
    var items = Array.prototype.map.call(
      document.querySelectorAll("li.explorateur-cas"),
      function (li) {
        var item = { element: li, shown: true, text: " " + fold(searchedText(li)) + " " };
        FACETS.forEach(function (name) { item[name] = keySet(li.dataset[name]); });
        return item;
      }
    );
    var ignored = readAddress(selects, input);
    var activeLabel = root.querySelector(".explorateur-actifs");
    var more = root.querySelector("details");
    more.open = window.matchMedia(WIDE).matches ||
      FACETS.some(function (name) { return selects[name].value; });
    var announceTimer = 0;
    var addressTimer = 0;

    function update(options) {
      var filters = {};
      FACETS.forEach(function (name) { filters[name] = selects[name].value; });
      var words = queryWords(input.value);
      var counts = {};
      FACETS.forEach(function (name) { counts[name] = new Map(); });
      var shown = 0;
      var changed = [];
      items.forEach(function (item) {
        var textOk = words.every(function (word) { return item.text.indexOf(word) !== -1; });
        var failed = [];
        FACETS.forEach(function (name) {
          if (filters[name] && !item[name].has(filters[name])) failed.push(name);
        });
        var visible = textOk && failed.length === 0;
        if (visible !== item.shown) {
          item.shown = visible;
          changed.push(item);
        }
        if (visible) shown += 1;
        // Le nombre d'un choix : les cas qui passeraient si ce choix était fait.
        if (!textOk || failed.length > 1) return;
        FACETS.forEach(function (name) {
          if (failed.length === 1 && failed[0] !== name) return;
          item[name].forEach(function (key) {
            counts[name].set(key, (counts[name].get(key) || 0) + 1);
          });
        });
      });
      show(changed);
      FACETS.forEach(function (name) { relabel(selects[name], counts[name]); });
      var active = FACETS.filter(function (name) { return filters[name]; }).length;
      activeLabel.textContent = active ? " (" + active + (active > 1 ? " actifs)" : " actif)") : "";
      clearTimeout(announceTimer);
      clearTimeout(addressTimer);
      var message = countMessage(shown, items.length, isFiltered(filters, words));
      if (options && options.now) {
        status.textContent = message + ignored;
        ignored = "";
      } else {
        announceTimer = setTimeout(function () { status.textContent = message; }, ANNOUNCE_DELAY);
      }
      addressTimer = setTimeout(function () {
        writeAddress(root, filters, input.value);
      }, ADDRESS_DELAY);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function () { update(); });
    form.addEventListener("change", function () { update(); });
    root.querySelector("#filtre-effacer").addEventListener("click", function () {
      input.value = "";
      FACETS.forEach(function (name) { selects[name].value = ""; });
      update({ now: true });
      input.focus();
    });
    root.hidden = false;
    update({ now: true });
  }

  // Masquer un à un des milliers d'éléments restés dans la page coûte des secondes de mise
  // en page (mesuré : 1,6 s pour 3 750 cas sur 5 000) ; la liste retirée le temps des
  // changements, puis remise à sa place, n'est mise en page qu'une fois (0,3 s).
  var DETACH_FROM = 50;

  function show(changed) {
    if (!changed.length) return;
    var list = changed[0].element.parentNode;
    var parent = list.parentNode;
    var next = list.nextSibling;
    var detach = changed.length >= DETACH_FROM;
    if (detach) parent.removeChild(list);
    changed.forEach(function (item) { item.element.hidden = !item.shown; });
    if (detach) parent.insertBefore(list, next);
  }

  function isFiltered(filters, words) {
    return words.length > 0 || FACETS.some(function (name) { return filters[name]; });
  }

  function countMessage(shown, total, filtered) {
    if (!filtered) return total + " cas au total.";
    if (shown === 0) return "Aucun cas sur " + total + " ne correspond à ces filtres.";
    return shown + " cas sur " + total + (shown > 1 ? " correspondent" : " correspond") +
      " à ces filtres.";
  }

  function relabel(select, counts) {
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) return;
      var text = option.dataset.libelle + " (" + (counts.get(option.value) || 0) + ")";
      if (option.text !== text) option.text = text;
    });
  }

  // Les filtres de l'adresse (?theme=…&texte=…) ; une valeur inconnue est signalée, pas gardée.
  function readAddress(selects, input) {
    var params = new URLSearchParams(window.location.search);
    var unknown = [];
    input.value = params.get("texte") || "";
    FACETS.forEach(function (name) {
      var value = params.get(name);
      if (!value) return;
      var known = Array.prototype.some.call(selects[name].options, function (option) {
        return option.value === value;
      });
      if (known) selects[name].value = value;
      else unknown.push("« " + value + " »");
    });
    if (!unknown.length) return "";
    var many = unknown.length > 1;
    return (many ? " Filtres inconnus ignorés : " : " Filtre inconnu ignoré : ") +
      unknown.join(", ") + (many ? " (ces valeurs ont" : " (cette valeur a") +
      " peut-être changé de nom).";
  }

  function writeAddress(root, filters, query) {
    // Une page quittée (navigation instantanée) n'écrit plus dans l'adresse de la suivante.
    if (!root.isConnected) return;
    var params = new URLSearchParams();
    FACETS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
    if (query.trim()) params.set("texte", query.trim());
    var search = params.toString();
    var address = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    if (address !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", address);
    }
  }

  function init() {
    var root = document.getElementById("explorateur");
    if (root && root.hidden) start(root);
  }

  // document$ : l'observable de Material, émis au chargement et après chaque page
  // chargée par la navigation instantanée.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    init();
  }
})();
