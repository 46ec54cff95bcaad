/* Dilemmes au travail : copier le lien d'une question, copier une référence, imprimer
   une fiche. Amélioration progressive : sans ce script, les liens et les références
   restent visibles et sélectionnables, et l'impression du navigateur donne la même fiche. */
(function () {
  "use strict";

  var COPY_ICON =
    "M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2" +
    "m-3-4H4a2 2 0 0 0-2 2v14h2V3h12z";
  var PRINT_ICON =
    "M19 8c1.66 0 3 1.34 3 3v6h-4v4H6v-4H2v-6c0-1.66 1.34-3 3-3h1V3h12v5zM8 5v3h8V5zm8 14" +
    "v-4H8v4zm2-4h2v-4c0-.55-.45-1-1-1H5c-.55 0-1 .45-1 1v4h2v-2h12zm1-3.5c0 .55-.45 1-1 1s" +
    "-1-.45-1-1 .45-1 1-1 1 .45 1 1";
  var SVG = "http://www.w3.org/2000/svg";
  var status = null;

  // Un seul message annoncé aux lecteurs d'écran, vidé puis rempli pour être relu.
  function announce(message) {
    if (status === null) {
      status = document.createElement("p");
      status.className = "cas-statut";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  // Le presse-papier moderne n'existe qu'en contexte sûr (https, localhost) ; ailleurs
  // (fichier ouvert depuis le disque), l'ancienne commande de copie prend le relais.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      document.body.removeChild(area);
      if (copied) {
        resolve();
      } else {
        reject(new Error("copie refusée"));
      }
    });
  }

  function icon(path) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "cas-icone");
    var shape = document.createElementNS(SVG, "path");
    shape.setAttribute("d", path);
    svg.appendChild(shape);
    return svg;
  }

  function makeButton(text, name, path) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cas-bouton";
    button.setAttribute("aria-label", name);
    button.title = name;
    var label = document.createElement("span");
    label.textContent = text;
    button.appendChild(icon(path));
    button.appendChild(label);
    return button;
  }

  function copyButton(text, name, value, done) {
    var button = makeButton(text, name, COPY_ICON);
    var label = button.querySelector("span");
    button.addEventListener("click", function () {
      var content = value();
      copyText(content).then(
        function () {
          button.setAttribute("data-etat", "copie");
          label.textContent = done;
          announce(done);
          window.setTimeout(function () {
            button.removeAttribute("data-etat");
            label.textContent = text;
          }, 2500);
        },
        function () {
          window.prompt("Copiez ce texte :", content);
        }
      );
    });
    return button;
  }

  function addLinkButtons(root) {
    root.querySelectorAll("a.cas-lien").forEach(function (link) {
      if (link.parentElement.classList.contains("cas-lien-groupe")) {
        return;
      }
      var address = link.getAttribute("data-adresse") || link.href;
      var what = (link.getAttribute("aria-label") || "").replace(/^Lien vers /, "");
      var button = copyButton("Copier le lien", "Copier le lien vers " + what, function () {
        return address;
      }, "Lien copié");
      // L'icône et son bouton restent sur la même ligne.
      var group = document.createElement("span");
      group.className = "cas-lien-groupe";
      link.insertAdjacentElement("beforebegin", group);
      group.appendChild(link);
      group.appendChild(button);
    });
  }

  function addCitationButtons(root) {
    // Par classe : Material renomme l'id des blocs <pre> (« __code_… »).
    var targets = [
      [".cas-reference", "Copier la référence en style auteur-date"],
      [".cas-bibtex", "Copier la référence BibTeX"]
    ];
    targets.forEach(function (pair) {
      var target = root.querySelector(pair[0]);
      var heading = target ? target.previousElementSibling : null;
      if (!heading || heading.querySelector(".cas-bouton")) {
        return;
      }
      heading.appendChild(
        copyButton("Copier", pair[1], function () {
          return target.innerText.trim();
        }, "Référence copiée")
      );
    });
  }

  function addPrintButton(root) {
    var title = root.querySelector("h1");
    if (!title || !root.querySelector(".cas-questions") || root.querySelector(".cas-actions")) {
      return;
    }
    var trainer = root.querySelector(".cas-deroulement") !== null;
    var text = trainer ? "Imprimer la fiche d'animation" : "Imprimer la fiche";
    var actions = document.createElement("div");
    actions.className = "cas-actions";
    var button = makeButton(text, text, PRINT_ICON);
    button.addEventListener("click", function () {
      window.print();
    });
    actions.appendChild(button);
    title.insertAdjacentElement("afterend", actions);
  }

  function init() {
    var root = document.querySelector("article.md-content__inner");
    if (!root) {
      return;
    }
    addLinkButtons(root);
    addCitationButtons(root);
    addPrintButton(root);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
