"""Label dictionaries and patterns used to classify lines of a plain-text page dump.

Everything here is data: page furniture labels (navigation, cookie banners, share buttons,
footers), related-link block headers, byline prefixes, stopwords per language and month names
in a few languages. Labels are matched on a folded key (see `fold`), so "Go toTop", "GO TO TOP"
and "go to top" are the same label.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_LETTERS = re.compile(r"[\W\d_]+", re.UNICODE)


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case `text` and drop everything but letters, so labels match loosely."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _NON_LETTERS.sub("", text)


def _folded(labels: str) -> frozenset[str]:
    return frozenset(fold(item) for item in labels.split("|") if item.strip())


#: Whole-line labels of page furniture: navigation, account, cookie and subscription widgets.
DEBRIS_LABELS = _folded(
    "go to top|back to top|to top|top|scroll to top|skip to content|skip to main content|"
    "skip to navigation|skip navigation|jump to content|main menu|menu|open menu|close menu|"
    "zum inhalt springen|zum hauptinhalt springen|direkt zum inhalt|zur navigation springen|"
    "aller au contenu|aller au contenu principal|saltar al contenido|ir al contenido|"
    "vai al contenuto|przejdź do treści|"
    "toggle navigation|navigation|search|search for|close|open|more|show more|load more|"
    "see more|view more|read more|continue reading|keep reading|read full article|"
    "read the full story|full story|home|homepage|subscribe|subscribe now|"
    "subscribe for free|sign in|sign out|sign up|log in|login|log out|logout|register|"
    "my account|account|profile|my profile|accept|accept all|accept cookies|"
    "accept all cookies|reject all|reject|decline|agree|i agree|got it|ok|okay|"
    "cookie settings|cookie policy|cookies|manage cookies|manage preferences|"
    "privacy settings|advertisement|advertising|ad|ads|sponsored|sponsored content|"
    "promoted|paid content|newsletter|newsletters|sign up for our newsletter|"
    "follow us|follow|like|share|shares|tweet|email|e mail|print|save|saved|bookmark|"
    "listen|listen to this article|listen to article|audio|play|pause|watch|video|"
    "photos|gallery|image|enlarge|expand|collapse|zoom|copy link|link copied|copied|"
    "comment|comments|show comments|view comments|hide comments|add comment|"
    "leave a comment|post a comment|write a comment|load comments|report|"
    "report an error|feedback|help|contact|contact us|about|about us|terms|"
    "terms of use|terms of service|terms and conditions|privacy|privacy policy|"
    "sitemap|site map|careers|jobs|rss|feeds|apps|download the app|get the app|"
    "edition|language|english|previous|next|prev|page|back|return|top stories|"
    "breaking news|live|latest|latest news|news|donate|support us|gift article|"
    "give this article|loading|please wait|you are here|tags|topics|filed under|"
    "posted in|categories|category|archives|archive|dont show this again|"
    "free trial|try for free|upgrade|premium|log in to comment|no comments|"
    "be the first to comment|disclaimer|corrections|ethics policy|imprint|impressum|"
    "supported by|share this page|caption|autoplay|full screen|fullscreen|edit|delete|hide|"
    # WordPress's share and comment buttons in German and Polish ("Teilen Sie dies mit:").
    "teilen mit|teilen sie dies mit|teile dies mit|kommentieren|jetzt kommentieren|polecamy|"
    # An advertisement's label in other languages, and an embed waiting for consent.
    "anzeige|werbung|reklama|publicidad|publicité|pubblicità|empfohlener redaktioneller inhalt|"
    "skip ad|buy photo|view photos|resize text|print article|a|x|"
    "from wikipedia the free encyclopedia|jump to navigation jump to search|"
    "jump to navigation|jump to search|these are external links and will open in a new window|"
    "opens in a new window|opens in new window|opens in a new tab|opens in new tab|"
    "external link|close share panel|copy this link|read more about sharing|"
    "click to enlarge|click to expand|tap to expand|adjust text size|text size|font size|"
    "send a news tip|send us a tip|submit a tip|toggle navigation|toggle menu|"
    # A blog sidebar's widget headers.
    "recent posts|recent comments|neueste beiträge|neueste kommentare|letzte beiträge|"
    "letzte kommentare|articles récents|commentaires récents|entradas recientes|"
    "comentarios recientes"
)

#: Words that make up share-button rows ("Share  Tweet  Share", "Facebook Twitter Email").
SHARE_WORDS = _folded(
    "share|shares|shared|sharing|tweet|tweets|facebook|twitter|x|linkedin|email|e|mail|"
    "print|whatsapp|reddit|pocket|flipboard|pinterest|telegram|messenger|sms|tumblr|"
    "copy|link|url|comment|comments|save|on|this|story|article|via|the|to|gift|"
    "bluesky|threads|mastodon|instagram|youtube|vk|weibo|wechat|line|xing|digg|"
    "stumbleupon|mix|more|options|close|permalink|embed|"
    # German, French, Spanish, Italian buttons ("Teilen Twittern", "Partager Imprimer").
    "teilen|twittern|mailen|drucken|pinnen|merken|kopieren|artikel|beitrag|"
    "partager|imprimer|envoyer|compartir|imprimir|enviar|condividi|stampa|invia|pin|it|"
    # "Compartir en Linkedin", "Partager sur Facebook", "Teilen auf X", and the close button.
    "en|sur|auf|per|por|su|cerrar|fermer|schliessen|schließen|chiudi"
)

# "12 thoughts on “Headline”", "Ein Gedanke zu „Headline“": a blog's comments header, which
# quotes the headline of the post it sits under.
_COMMENTS_ON = (
    r"^(?:\d+|one|an?|eine?[nmr]?|un[ea]?|uno)\s+(?:thoughts?|responses?|comments?|"
    r"repl(?:y|ies)|gedanken?|kommentare?|antwort(?:en)?|r[ée]ponses?|commentaires?|"
    r"respuestas?|comentarios?)\s+(?:on|to|zu|auf|über|sur|à|a|en|para|de)\s+(?P<title>.+)$"
)
COMMENTS_ON = re.compile(_COMMENTS_ON, re.IGNORECASE)

#: Lines that open a comment section.
COMMENTS_HEADER = re.compile(
    r"^(?:comments?|responses?|replies|reactions?|kommentare?|commentaires?|comentarios?|"
    r"commenti|reacties|kommentarer)$|"
    r"^(?:leave|post|add|write|submit)\s+(?:an?|your)\s+(?:comment|reply|response)\b|"
    r"^(?:schreibe?|hinterlasse|verfasse)\s+(?:einen|eine|deinen|ihren)\s+(?:kommentar|antwort)\b|"
    r"^kommentar\s+(?:verfassen|schreiben|hinterlassen)\b|"
    r"^(?:laisser|laissez|ajouter|[ée]crire)\s+un\s+commentaire\b|"
    r"^(?:deja|dejar|escribe|a[ñn]adir|agregar)\s+(?:un|una|tu)\s+(?:comentario|respuesta)\b|"
    r"^(?:lascia|scrivi)\s+un\s+commento\b|"
    rf"{_COMMENTS_ON}|"
    r"^join the (?:conversation|discussion)\b|^comments are closed\b|"
    # "{ 38 comments… read them below or add one }": a count that invites to the thread.
    r"^\W*\d+\s+(?:comments?|responses?)\b.{0,30}\b(?:read\s+them\s+below|add\s+one)\b|"
    r"^(?:show|view|read|load|see)\s+(?:all\s+)?(?:\d+\s+)?comments?\b|"
    r"^discussion$|^reader comments$|^what do you think\??$|"
    r"\bcomments\s+powered\s+by\s+disqus\b|"
    # The comment form: its notices and its required fields ("Name *", "E-Mail *").
    r"^(?:your|ihr|dein|votre|tu)\s+(?:comment|kommentar|commentaire|comentario)\s+"
    r"(?:will\s+be|wird|sera|ser[áa])\b.{0,40}\b(?:moderat\w*|überprüft|freigeschaltet|"
    r"reviewed|approved|mod[ée]r[ée]|revisado)|"
    r"\b(?:e-?mail(?:-adresse)?|email\s+address|adresse\s+e-?mail|correo\s+electr[óo]nico)"
    r"(?:\s+\w+){0,2}\s+(?:will\s+not\s+be\s+published|wird\s+nicht\s+ver[öo]ffentlicht|"
    r"ne\s+sera\s+pas\s+publi[ée]e|no\s+ser[áa]\s+publicad[oa])\b|"
    r"^(?:name|e-?mail|kommentar|comment|website|webseite|nom|nombre|commentaire|comentario)"
    r"(?:\s*\([^)]{0,40}\))?\s*\*\s*$",
    re.IGNORECASE,
)

#: "All rights reserved" and its kin in other languages (a footer's copyright notice).
RIGHTS_RESERVED = (
    r"all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|todos\s+los\s+derechos\s+reservados|"
    r"todos\s+os\s+direitos\s+reservados|tous\s+droits\s+r[ée]serv[ée]s|"
    r"tutti\s+i\s+diritti\s+riservati|wszelkie\s+prawa\s+zastrze[żz]one|"
    r"materia[łl]\s+chroniony\s+prawem|vervielf[äa]ltigung\s+nur\s+mit\s+genehmigung"
)

#: Page footer lines: copyright notices.
FOOTER_PATTERN = re.compile(
    rf"^(?:©|\(c\)|copyright\b)|\b(?:{RIGHTS_RESERVED})\b",
    re.IGNORECASE,
)


#: Cookie / consent banners written as sentences.
COOKIE_PATTERN = re.compile(
    r"\bcookies?\b.*\b(?:use|uses|used|using|accept|consent|agree|privacy|policy|settings|"
    r"preferences|experience|partners|stores?|installed|website)\b|"
    r"\b(?:we|this (?:site|website)) uses? cookies\b|"
    # German, French, Spanish and Italian consent texts ("Diese Website verwendet Cookies").
    r"cookies?\b.*\b(?:verwende[nt]?|nutz(?:en|t)|setz(?:en|t)|gespeichert|speicher[nt]|"
    r"akzeptier\w*|zustimm\w*|einstellungen|datenschutz\w*|webseite|utilis\w+|accept\w+|"
    r"param[eè]tr\w+|consentement|navigation|utiliza\w*|usamos|acepta\w*|configuraci[óo]n|"
    r"consentimiento|navegaci[óo]n|sitio web|utilizz\w+|accett\w+|sito|kontrolle|"
    r"richtlinie\w*)\b|"
    r"\b(?:verwende[nt]|nutz(?:en|t)|utilis\w+|utiliza\w*|usamos|utilizz\w+)\b.*\bcookies?\b",
    re.IGNORECASE,
)

#: Buttons of a consent interstitial ("Accept all", "Reject all", "Zustimmen", "Tout refuser").
CONSENT_BUTTONS = _folded(
    "accept all|reject all|accept all cookies|reject all cookies|accept cookies|i accept|"
    "agree|i agree|disagree|agree and close|agree and proceed|accept and continue|"
    "accept and close|more options|manage options|manage preferences|manage settings|"
    "customise|customize|customise choices|only necessary cookies|necessary cookies only|"
    "zustimmen|alle akzeptieren|alle ablehnen|akzeptieren|ablehnen|alle zulassen|"
    "nur notwendige cookies|einstellungen verwalten|zustimmen und weiter|akzeptieren und weiter|"
    "tout accepter|tout refuser|accepter et fermer|continuer sans accepter|"
    "aceptar todo|rechazar todo|aceptar todas|rechazar todas|aceptar y cerrar|"
    "accetta tutto|rifiuta tutto|accetta e chiudi|accetta|rifiuta|"
    "agree and continue|accepter|aceptar|alles accepteren|accepteren|aceitar|aceitar tudo|"
    "rejeitar tudo"
)

#: Headings of a consent interstitial shown instead of the page ("Before you continue to
#: Google", "We value your privacy", "Wir verwenden Cookies").
CONSENT_HEADING = re.compile(
    r"^(?:before\s+you\s+continue(?:\s+to\s+\S.{0,40})?|we\s+(?:value|care\s+about|respect)\s+"
    r"your\s+privacy|your\s+privacy(?:\s+(?:choices|matters|settings|preferences))?|"
    r"(?:we|this\s+(?:site|website))\s+uses?\s+cookies|cookie\s+(?:consent|settings|preferences|notice)|"
    r"wir\s+(?:verwenden|nutzen|benötigen\s+ihre\s+zustimmung|respektieren\s+ihre\s+privatsph[äa]re).{0,30}|"
    r"(?:ihre\s+)?privatsph[äa]re(?:-einstellungen)?|datenschutz(?:-)?einstellungen|"
    r"bevor\s+sie\s+(?:fortfahren|weiterlesen).{0,30}|"
    r"avant\s+de\s+continuer.{0,30}|nous\s+respectons\s+votre\s+vie\s+priv[ée]e|"
    r"(?:vos\s+choix\s+en\s+mati[èe]re\s+de\s+|gestion\s+de\s+la\s+)?confidentialit[ée]|"
    r"antes\s+de\s+continuar.{0,30}|(?:valoramos|respetamos)\s+tu\s+privacidad|"
    r"tu\s+privacidad\s+es\s+importante|(?:la\s+)?tua\s+privacy(?:\s+è\s+importante)?|"
    r"rispettiamo\s+la\s+tua\s+privacy|uw\s+privacy|a\s+sua\s+privacidade|"
    r"your\s+privacy\s+is\s+important(?:\s+to\s+us)?|manage\s+(?:cookie|privacy)\s+\w+|"
    r"cookie-?\s*einstellungen|datenschutz-?\s*hinweis|"
    r"yahoo\s+(?:ist\s+teil\s+der|is\s+part\s+of\s+the)\s+yahoo\s+"
    r"(?:markenfamilie|family\s+of\s+brands))\s*[.!:]?$",
    re.IGNORECASE,
)

#: Words of consent texts: what a banner asks leave for and whom it names.
CONSENT_TERMS = re.compile(
    r"\bcookies?\b|\bconsent\w*|\bpartners?\b|\bpersonal(?:ised|ized)?\s+(?:data|ads|content)|"
    r"\bpersonali[sz]ed\b|\bprivacy\b|\bpreferences\b|\bwithdraw\b|\btracking\b|"
    r"\beinwilligung\w*|\bzustimm\w*|\bpersonenbezogen\w*|\bdatenschutz\w*|\bwiderruf\w*|"
    r"\bconsentement\b|\bdonn[ée]es\s+personnelles\b|\bpartenaires\b|"
    r"\bconsentimiento\b|\bdatos\s+personales\b|\bsocios\b|"
    r"\bconsenso\b|\bdati\s+personali\b|\bpartner\b|\bvie\s+priv[ée]e\b|\bprivacidad\b|"
    r"\btoestemming\b|\bprivacidade\b",
    re.IGNORECASE,
)

#: The header of a site's search results ("Search results for: budget", "248 results",
#: "Suchergebnisse für „Haushalt“", "12 résultats pour ...", "Resultados de búsqueda").
SEARCH_HEADER = re.compile(
    # A label, with the query after it.
    r"^(?:(?:search\s+results?|(?:showing\s+)?(?:\d[\d.,]*\s+)?results?\s+(?:for|matching)|"
    r"you\s+searched\s+for|suchergebnisse?(?:\s+f[üu]r)?|(?:\d[\d.,]*\s+)?ergebnisse?\s+f[üu]r|"
    r"ihre\s+suche\s+nach|r[ée]sultats?\s+de\s+(?:la\s+)?recherche(?:\s+pour)?|"
    r"\d[\d.,]*\s+r[ée]sultats?\s+pour|resultados\s+de\s+(?:la\s+)?b[úu]squeda(?:\s+(?:para|de))?|"
    r"\d[\d.,]*\s+resultados\s+para|risultati\s+(?:della\s+)?ricerca(?:\s+per)?|"
    r"\d[\d.,]*\s+risultati\s+per)(?:\s*[:\-–—]?\s*.{0,60})?|"
    # A bare count of hits.
    r"\d[\d.,]*\s+(?:(?:search\s+)?results?(?:\s+found)?|treffer|(?:such)?ergebnisse|"
    r"r[ée]sultats?|resultados|risultati))$",
    re.IGNORECASE,
)

#: Site notices that are not cookie banners: data-protection, browser and sign-up notices.
NOTICE_PATTERN = re.compile(
    r"\bpersonal data\b|\bprivacy policy\b|\bbrowser (?:version|support)\b|"
    r"\b(?:enable|turn on) javascript\b|\bsubscri(?:be|ption)\b|\bnewsletter\b",
    re.IGNORECASE,
)

#: A blog's follow-by-email widget ("Enter your email address to follow this blog ...",
#: "Join 600 other followers"), in English, German, French and Spanish.
FOLLOW_WIDGET = re.compile(
    r"\be-?mail\b.{0,80}\b(?:this|diesem|diesen|dieses|ce|este)\s+blog\b|"
    r"^receive new posts\b|\bemail (?:me )?every new post\b|"
    r"^um\s+neue\s+beiträge\s+per\s+e-?mail\s+zu\s+erhalten\b|"
    r"^join\s+[\d.,]+\s+other\s+(?:followers|subscribers)\b|"
    r"^schlie(?:ß|ss)e\s+dich\s+[\d.,]+\s+(?:anderen\s+)?(?:followern|abonnenten)\s+an\b|"
    r"^blog\s+(?:per|via)\s+e-?mail\s+(?:folgen|abonnieren)$|"
    r"^rejoignez\s+[\d.,\s]+autres?\s+abonn[ée]s\b|"
    r"^[úu]nete\s+a\s+otros\s+[\d.,]+\s+suscriptores\b",
    re.IGNORECASE,
)

#: A blog post's filing line ("This entry was posted in News. Bookmark the permalink.",
#: "Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit ...") and a
#: paywall's meter ("Vous avez lu 1 des 4 articles gratuits ce mois-ci.").
POST_FILING = re.compile(
    r"^this entry was posted (?:in|on)\b|\bbookmark the permalink\b|"
    r"^dieser (?:eintrag|beitrag) wurde (?:am .{0,30})?(?:veröffentlicht|gepostet) in\b|"
    r"\blesezeichen (?:auf den|für den) permalink\b|"
    r"^vous avez lu \d+ des? \d+ articles?\b|"
    r"^wählen sie ihren zugang und lesen sie weiter\b",
    re.IGNORECASE,
)

#: Image credit lines ("Image: X / Y", "Photo by X", "Getty Images").
CREDIT_PATTERN = re.compile(
    r"^\(?(?:all\s+)?(?:image|photo|photograph|picture|illustration|credit|foto|bild)s?"
    r"(?:\s+by)?\s*[:|]|^photo(?:graph)?\s+by\b|^(?:media|image|video)\s+caption\b|"
    r"^(?:courtesy|care)\s+of\s+\S|"
    r"^(?:getty images|afp|reuters|associated press|shutterstock|istock)\s*\)?$",
    re.IGNORECASE,
)

#: Captions: a line that ends with a picture credit ("... Source: Supplied", "... /Reuters").
CAPTION_PATTERN = re.compile(
    r"(?:\b(?:source|credit|credits|photo|photos|photograph|photographer|picture|image|foto|"
    r"bild|illustration|quelle|fotos|bildquelle|kuva|фото|crédit|crédito|fonte)\s*:"
    r"[^.!?]{0,80}|(?:getty\s+images|/\s*reuters|/\s*afp|/\s*ap|\bap\s+photo|"
    # "... in der Antártida. EFE", "... © Stiftung Offshore", "... (Foto: dpa)".
    r"(?<=[.!?»“\"])\s+(?:efe|dpa|afp|ap|reuters|ansa|apa|epa|keystone)\b|\s©\s?[^.!?©]{1,60}|"
    r"associated\s+press|shutterstock|istock(?:photo)?|photo\s+montage\s+by\s+\w+)"
    r"[^.!?]{0,30})\)?\s*$|^(?:media|image|video)\s+caption\b|"
    r"\s[-–—|]\s*[^\s/]+(?:\s[^\s/]+){0,3}\s?/\s?[^\s/]+(?:\s[^\s/]+){0,3}$",
    re.IGNORECASE,
)

#: Labelled lists of topics ("Topics: uber, Sydney, ...", "Filed to: money").
LABELLED_LIST = re.compile(
    r"^(?:topics|tags|tagged|filed\s+(?:to|under|in)|categories|category|keywords|themen|"
    r"schlagworte|temas|etiquetas|mots-cl[ée]s)\s*:",
    re.IGNORECASE,
)

#: Lines that start like page furniture ("Continue reading ...", "Share this ...").
DEBRIS_PREFIX = re.compile(
    r"^(?:continue\s+reading|keep\s+reading|read\s+the\s+(?:full|whole|rest)|share\s+(?:this|on|to|"
    r"via|by)|follow\s+(?:us|@)|sign\s+up\s+(?:for|to)|subscribe\s+(?:to|for|now)|click\s+here|"
    r"tap\s+here|download\s+(?:our|the)\s+app|get\s+the\s+app|your\s+video\s+will\s+play|"
    r"advertisement\b|skip\s+(?:ad|to)|jump\s+to|go\s+to\s+(?:permalink|top|homepage|page)|"
    r"back\s+to\s+(?:top|home)|view\s+(?:photos|gallery|all)|buy\s+photo|font\s+size|"
    r"resize\s+text|print\s+(?:this|article)|email\s+(?:this|article))\b",
    re.IGNORECASE,
)

#: Error-page wording.
ERROR_PATTERN = re.compile(
    r"\b404\b|page (?:was )?not found|(?:page|article|content) (?:you (?:are|were) "
    r"looking for|requested) (?:is|was|does|could|can|cannot|can't|no longer)|"
    r"(?:does not|doesn't|no longer) exists?\b|cannot be found|could not be found|"
    r"can't be found|no longer available|has been (?:removed|deleted)|error 40\d|"
    r"error 50\d|server error|access denied|forbidden",
    re.IGNORECASE,
)

#: Error pages say so in their heading or their few lines of text, in many languages. A "404"
#: counts with an error word or alone ("Route 404 bridge" is a road), "not found" only about a
#: page or alone ("Missing hiker still not found" is news).
ERROR_TEXT = re.compile(
    r"\b(?:error|fehler|erreur|errore|erro|fout|code)\s*:?\s*40[14]\b|\b40[14]\s*(?:error|fehler|"
    r"erreur|errore|[-–—:|!(]|not\s+found|page)|^\W*40[14]\W*$|^\W*(?:not\s+found|gone)\W*$|"
    r"\b(?:page|file|article|story|content|post)\s+(?:was\s+)?not\s+found|"
    r"\bpage\s+(?:does\s+not|doesn['’]t|cannot|can['’]t|could\s+not|couldn['’]t)\s+"
    r"(?:be\s+found|exist)|"
    r"\b(?:can(?:no|['’])?t|could(?:\s*no|n['’]?)t|(?:were|are)\s+unable\s+to)\s+(?:find|locate)\s+"
    r"(?:that|this|the|your|the\s+requested)\s+(?:page|article|story|content|file)|"
    r"\b(?:page|article|story|content|file)\s+(?:\w+\s+){0,5}?(?:does\s+not|doesn['’]t|no\s+longer)"
    r"\s+exists?|"
    r"\b(?:this|the)\s+(?:page|article|story|content|post)\s+(?:has\s+been|was|is)\s+"
    r"(?:removed|deleted|taken\s+down|unpublished|withdrawn)|"
    r"\b(?:page|article|story|content|post)\s+(?:is\s+)?no\s+longer\s+available|"
    # German
    r"\b(?:seite|artikel|inhalt|beitrag)\s+(?:wurde\s+)?nicht\s+gefunden|"
    r"\b(?:seite|artikel|beitrag)\s+(?:\w+\s+){0,3}?(?:existiert|gibt\s+es)\s+(?:leider\s+)?"
    r"(?:nicht|nicht\s+mehr)\b|\bnicht\s+mehr\s+verfügbar|"
    # French
    r"\bpage\s+(?:introuvable|non\s+trouvée|inexistante)|"
    r"\b(?:page|article)\s+(?:\w+\s+){0,4}?n['’]existe\s+(?:pas|plus)|n['’]est\s+plus\s+disponible|"
    # Dutch
    r"\bpagina\s+niet\s+gevonden|\bpagina\s+(?:\w+\s+){0,4}?bestaat\s+niet|"
    r"\bniet\s+(?:meer\s+)?beschikbaar\b|"
    # Portuguese
    r"\bpágina\s+não\s+encontrada|\bpágina\s+(?:\w+\s+){0,4}?não\s+existe|"
    r"\bnão\s+está\s+mais\s+disponível|"
    # Spanish
    r"\bpágina\s+no\s+encontrada|\bpágina\s+(?:\w+\s+){0,4}?no\s+existe|"
    r"\bno\s+(?:se\s+)?(?:ha\s+)?(?:podido\s+)?encontr(?:ado|amos|ó)\s+la\s+página|"
    r"\bya\s+no\s+está\s+disponible|"
    # Italian
    r"\bpagina\s+non\s+trovata|\bpagina\s+(?:\w+\s+){0,4}?non\s+esiste|\bnon\s+è\s+più\s+disponibile|"
    # Polish, Czech, Turkish, Russian
    r"\bnie\s+znaleziono\s+strony|\bstrona\s+nie\s+istnieje|\bstránka\s+nebyla\s+nalezena|"
    r"\bsayfa\s+bulunamad[ıi]|\bстраница\s+не\s+(?:найдена|существует)|"
    # Chinese and Japanese (no word boundaries in these scripts)
    r"页面(?:地址)?不存在|頁面不存在|页面未找到|找不到(?:该|此|您要的)?(?:页面|網頁|网页)|"
    r"ページが見つかりません|お探しのページは見つかりませんでした",
    re.IGNORECASE | re.MULTILINE,
)

# Between a link label and its title: a colon, pipe or arrow, or a dash with a space beside
# it ("Next - Title", "Next– Title"), never a hyphen inside a word ("Next-Gen drives").
_LABEL_SEPARATOR = r"(?:\s*[:|»>]+\s*|\s+[-–—]+\s*|[-–—]+\s+)"

#: Labels of an "also read" line ("ALSO READ: <title>") in a few languages.
ALSO_READ_LABELS = (
    r"also\s+read|read\s+also|see\s+also\s+read|must\s+read|also\s+see|"
    r"read\s+more|more\s+to\s+read|you\s+should\s+also\s+read|lee\s+tambi[ée]n|"
    r"lire\s+aussi|[àa]\s+lire\s+aussi|lesen\s+sie\s+auch|auch\s+interessant|"
    # Other languages: "Lea también", "Veja também", "Czytaj też", "Leggi anche".
    r"lea\s+(?:tambi[ée]n|m[áa]s)|(?:vea|mira)\s+tambi[ée]n|(?:leia|veja)\s+tamb[ée]m|"
    r"leggi\s+anche|czytaj\s+(?:te[żz]|tak[żz]e|r[óo]wnie[żz])|"
    r"zobacz\s+(?:te[żz]|tak[żz]e|r[óo]wnie[żz])|"
    r"das\s+k[öo]nnte\s+(?:dich|sie)\s+auch\s+interessieren|auch\s+lesen|lies\s+auch|"
    r"(?:ver|leer)\s+tambi[ée]n|"
    r"(?:tambi[ée]n\s+)?te\s+puede\s+interesar"
)

# Related-link block headers, as (pattern on the whole line, kind). The optional trailing
# group holds a title written on the same line ("ALSO READ: <title>").
LINK_HEADERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            rf"^(?:{ALSO_READ_LABELS})"
            rf"(?:{_LABEL_SEPARATOR}(?P<title>.+)|\s*:?\s*(?P<bare>))$",
            re.IGNORECASE,
        ),
        "also_read",
    ),
    (
        re.compile(
            r"^(?:«|‹|<|←|<<)?\s*(?:(?:previous|prev\.?|older|vorherige[rs]?|anterior|"
            r"pr[ée]c[ée]dente?)(?:\s+(?:story|article|post|entry|news|item|artikel|beitrag|"
            r"eintrag|art[ií]culo|article|noticia|entrada))?|"
            # "Article précédent", "Artículo anterior", "Entrada anterior".
            r"(?:article|art[ií]culo|noticia|entrada|publication|billet)\s+"
            r"(?:pr[ée]c[ée]dente?|anterior))"
            rf"(?:{_LABEL_SEPARATOR}(?P<title>.+)|\s*(?P<bare>))$",
            re.IGNORECASE,
        ),
        "previous_story",
    ),
    (
        re.compile(
            r"^(?:(?:next|newer|n[äa]chste[rs]?|nachfolgende[rs]?|siguiente|suivante?)"
            r"(?:\s+(?:story|article|post|entry|news|item|artikel|beitrag|eintrag|art[ií]culo|"
            r"article|noticia|entrada))?|"
            # "Article suivant", "Artículo siguiente", "Entrada siguiente".
            r"(?:article|art[ií]culo|noticia|entrada|publication|billet)\s+"
            r"(?:suivante?|siguiente))"
            r"\s*(?:»|›|>|→|>>)?"
            rf"(?:{_LABEL_SEPARATOR}(?P<title>.+)|\s*(?P<bare>))$",
            re.IGNORECASE,
        ),
        "next_story",
    ),
    (
        re.compile(
            r"^(?:(?:latest|more|other\s+stories|more\s+stories|top\s+stories)\s+(?:from|in|on)|"
            # "Neueste aus -Top News", "Mehr aus Politik", "Dernières actualités de",
            # "Lo último en", "Últimas noticias de".
            r"(?:neueste[sn]?|mehr|weitere\s+(?:artikel|beiträge|nachrichten))\s+aus|"
            r"derni[èe]r(?:e?s)?\s+(?:articles?\s+|actualit[ée]s\s+)?(?:de|du|des|dans|en)|"
            r"lo\s+[úu]ltimo\s+(?:de|en)|[úu]ltimas\s+noticias\s+(?:de|del|en)|"
            r"m[áa]s\s+noticias\s+(?:de|del|en))\b"
            r"\s*[:\-–—]*\s*(?P<section>[^\W\d_][^.!?]{0,40})$",
            re.IGNORECASE,
        ),
        "section_latest",
    ),
    (
        re.compile(
            r"^(?:don'?t\s+miss|do\s+not\s+miss|most\s+(?:read|popular|viewed|shared|"
            r"commented|emailed|watched)|editor'?s'?\s+(?:picks?|choice)|editors'?\s+picks?|"
            r"trending(?:\s+(?:now|stories|news|articles|today))?|popular(?:\s+(?:now|stories|"
            r"articles|posts|news|today))?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|"
            r"be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|"
            r"we\s+recommend|what\s+to\s+read\s+next|read\s+next|up\s+next|"
            r"(?:other\s+)?people\s+(?:are|also)\s+read(?:ing)?|"
            r"more\s+(?:top\s+)?(?:stories|news)\s+you\s+(?:may|might)\s+like|"
            r"lo\s+m[áa]s\s+le[íi]do|les\s+plus\s+lus|meistgelesen|"
            r"die\s+meistgelesenen\s+(?:artikel|beitr[äa]ge|nachrichten)|"
            r"beliebte\s+beitr[äa]ge(?:\s+zum\s+thema)?|top[- ]themen(?:\s+der\s+redaktion)?|"
            r"polecamy|lo\s+m[áa]s\s+visto|"
            # "Nicht verpassen", "À ne pas manquer", "No te lo pierdas", "Da non perdere".
            r"nicht\s+verpassen|verpassen\s+sie\s+nicht|(?:[àa]\s+)?ne\s+pas\s+manquer|"
            r"ne\s+manquez\s+pas|no\s+te\s+(?:lo\s+)?pierdas|no\s+se\s+(?:lo\s+)?pierda|"
            r"da\s+non\s+perdere)\s*:?$",
            re.IGNORECASE,
        ),
        "recommended",
    ),
    (
        re.compile(
            r"^(?:related|related\s+(?:articles?|stories|story|posts?|news|content|coverage|"
            r"reading|links|topics)|more\s+(?:stories|articles|news|coverage|on\s+this\s+story)|"
            r"other\s+(?:stories|articles)|see\s+also|in\s+other\s+news|"
            r"art[íi]culos\s+relacionados|noticias\s+relacionadas|articles?\s+li[ée]s|"
            r"sur\s+le\s+m[êe]me\s+sujet|mehr\s+zum\s+thema|verwandte\s+artikel|"
            r"temas\s+relacionados|siehe\s+auch|voir\s+aussi)"
            r"\s*(?:[:\-–—|]+\s*(?P<title>.+)|(?P<bare>))$",
            re.IGNORECASE,
        ),
        "related",
    ),
)

#: Verbs of a credit before "von" / "par" / "por" / "da" ("Veröffentlicht von", "Publié par").
CREDIT_VERBS = (
    "veröffentlicht|geschrieben|verfasst|gepostet|erstellt|publiziert|publié|écrit|"
    "publicado|escrito|pubblicato|scritto"
)
#: Labels naming the author before a colon ("Autor: X", "Verfasserin: Y").
AUTHOR_LABELS = r"autor(?:in|\*in|/in)?|auteur|autore|verfasser(?:in)?|kolumnist(?:in|\*in)?"

#: Byline prefixes of right-to-left scripts: Arabic "بقلم" (by the pen of), "كتب:" / "كتبت:"
#: (wrote), "إعداد" (prepared by), Persian "به قلم", Hebrew "מאת" (by), "נכתב על ידי".
RTL_BYLINE_PREFIX = (
    r"بقلم|به\s+قلم|(?:كتب|كتبت|كتبه|إعداد|اعداد|تقرير)(?=\s*[:\-–—])|מאת|נכתב\s+על\s+ידי|"
    r"(?:כתב|כתבה|כתבו)(?=\s*[:\-–—])"
)

#: Byline prefixes in a few languages ("By", "Written by", "Reporter:", "Por", "Von", ...).
BYLINE_PREFIX = re.compile(
    r"^(?:(?:written|words|story|text|reporting|posted|published|compiled)\s+by|"
    r"(?:post\s+)?author\s+by|text\s+von|texte\s+(?:de|par)|texto\s+(?:de|por)|testo\s+di|"
    # "Veröffentlicht von", "Geschrieben von", "Publié par", "Escrito por", "Scritto da".
    rf"(?:{CREDIT_VERBS})\s+(?:von|par|por|da)|(?:{AUTHOR_LABELS})(?=\s*:)|"
    rf"by|reporter|reported\s+by|author|authors|{AUTHOR_LABELS}|autoren|byline|writer|"
    r"correspondent|"
    r"por|par|von|di|door|av|af|przez|автор|text|"
    # Arabic, Persian and Hebrew ("بقلم أحمد خالد", "كتب: ...", "מאת דנה לוי"); "كتب"
    # (wrote; also "books") needs its colon or dash.
    rf"{RTL_BYLINE_PREFIX})\s*[:\-–—]?\s+(?=\S)|"
    # "ByAlex Bozarjian", "vonChris Jung", "AuthorAndreas Kalt": the prefix glued to the name.
    r"(?-i:(?:By|(?:[Vv]eröffentlicht |[Gg]eschrieben )?von|Author)(?=[A-Z]))",
    re.IGNORECASE,
)

#: Credits that name the author outright, so a user name after them is the author too
#: ("Posted by gnaddrig", "Autor: c1ph4"); a bare "by" is not one ("by default").
EXPLICIT_CREDIT = re.compile(
    r"^(?:(?:written|posted|published)\s+by|(?:post\s+)?author\s+by|author\s*:|"
    rf"(?:{CREDIT_VERBS})\s+(?:von|par|por|da)|(?:{AUTHOR_LABELS})\s*:)\s*",
    re.IGNORECASE,
)

#: Credits that are not authorship ("Reviewed by", "Edited by", "Photographs by").
CONTRIBUTOR_PREFIX = re.compile(
    r"^(?:medically\s+)?(?:reviewed|fact[- ]checked|edited|illustrated|illustrations|"
    r"photographs|photography|graphics|produced|additional\s+reporting)\s+by\b",
    re.IGNORECASE,
)

#: Words that can sit in the middle of a personal name without a capital.
NAME_PARTICLES = frozenset(
    "de da del della der den di du la le van von y e al el bin ibn dos das do ten ter st".split()
)

#: Words that are never names, used to reject "Top News", "World Politics" as bylines.
NOT_NAME_WORDS = frozenset(
    """news home world politics business sport sports opinion culture science technology tech
    health travel video videos latest top more menu search share live updates update
    today yesterday read minutes minute min mins edition editorial staff the of and
    analysis review comment comments weather markets economy lifestyle entertainment
    style food arts books music film films tv media local national international
    region regions us uk europe asia africa america middle east advertisement sponsored
    photo photos image images gallery related trending popular subscribe newsletter
    login sign register account premium exclusive breaking report reports press
    updated published posted project team group institute university college foundation
    association society company council committee agency department ministry
    with in for to on at from by into about your our my is are how why what when this that
    reading time paper recent posts post example data recipes recipe download findings
    summary abstract introduction conclusion results methods background contents table
    figure chapter episode season guide tips reviews podcast events shop store deals
    products services resources community forum weekly daily monthly issue index
    features highlights summit roadshow powerpoint pdf slides audio today's yesterday's
    tomorrow's datum fecha date gmbh kg llc ltd inc plc submit cancel reply send
    story stories article articles page section policy privacy terms contact about
    monday tuesday wednesday thursday friday saturday sunday january february march
    july september october november december""".split()
)

#: Month names that are also given names ("April Roach", "Laura June Topolsky"): part of a
#: name only beside a word that is not a calendar word.
CALENDAR_NAMES = frozenset("april may june august".split())

#: Short stopword lists for language detection and prose detection (jusText-style).
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """the a an and or but of to in on at for with from by as is are was were be been
        it its this that these those he she they we you i his her their our your not no
        has have had will would can could should there which who what when where than
        then also into about after before over more said says""".split()
    ),
    "es": frozenset(
        """el la los las un una unos unas y o pero de del al en con por para como es son
        fue fueron ser que se su sus lo le les no más este esta estos estas ese esa hay
        muy ya también entre sobre desde hasta cuando donde""".split()
    ),
    "fr": frozenset(
        """le la les un une des et ou mais de du au aux en dans sur pour par avec est sont
        était été être que qui ne pas plus ce cette ces son sa ses leur leurs il elle ils
        elles nous vous on se y a ont comme aussi""".split()
    ),
    "de": frozenset(
        """der die das den dem des ein eine einer eines einem und oder aber von zu im in
        auf für mit ist sind war waren sein nicht auch es sie er wir ihr sich dass wie
        bei nach aus noch nur wird werden hat haben""".split()
    ),
    "it": frozenset(
        """il lo la i gli le un una uno e o ma di del della dei delle in con su per tra fra
        che non è sono era essere si come anche più nel nella alla al ha hanno""".split()
    ),
    "pt": frozenset(
        """o a os as um uma uns umas e ou mas de do da dos das em no na nos nas com por para
        que não é são foi ser se seu sua como mais também ao pelo pela""".split()
    ),
    "nl": frozenset(
        """de het een en of maar van in op te voor met door als is zijn was waren niet ook
        dat die er hij zij wij ze je ik bij naar uit om aan nog wel""".split()
    ),
    "cs": frozenset(
        """a i v ve na se je jsou byl byla bylo že to do za z ze s k o od pro po jako
        ale nebo jeho její jejich by jak už také který která které""".split()
    ),
}

#: Every stopword of every language, for language-independent prose scoring.
ALL_STOPWORDS = frozenset().union(*STOPWORDS.values())

#: Month names (lower-case, no dots) in a few languages -> month number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan enero ene janvier janv janvier januar jän gennaio genn janeiro leden januari",
        "february feb febrero février févr fevrier februar febbraio fevereiro fev únor februari",
        "march mar marzo mars märz maerz março marco březen maart",
        "april apr abril avril avr aprile duben",
        "may mayo mai maggio maio mag květen mei",
        "june jun junio juin juni giugno junho červen",
        "july jul julio juillet juil juli luglio julho červenec",
        "august aug agosto août aout ago srpen augustus",
        "september sep sept septiembre setiembre septembre settembre setembro set září",
        "october oct octubre octobre oktober ottobre outubro out říjen okt",
        "november nov noviembre novembre novembro listopad",
        "december dec diciembre décembre déc decembre dezember dez dicembre dezembro prosinec dic",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
# Arabic (Egyptian and Gulf, Levantine, Maghrebi names) and Hebrew, where a date is written
# "in March" with the preposition glued on ("12 במרץ 2023"); Levantine names may be two words.
for _number, _names in enumerate(
    [
        "يناير|جانفي|كانون الثاني|ינואר|בינואר",
        "فبراير|فيفري|شباط|פברואר|בפברואר",
        "مارس|آذار|מרץ|במרץ|מרס|במרס",
        "أبريل|ابريل|إبريل|أفريل|افريل|نيسان|אפריל|באפריל",
        "مايو|ماي|أيار|ايار|מאי|במאי",
        "يونيو|يونيه|جوان|حزيران|יוני|ביוני",
        "يوليو|يوليه|جويلية|تموز|יולי|ביולי",
        "أغسطس|اغسطس|أوت|اوت|آب|אוגוסט|באוגוסט",
        "سبتمبر|أيلول|ايلول|ספטמבר|בספטמבר",
        "أكتوبر|اكتوبر|تشرين الأول|تشرين الاول|אוקטובר|באוקטובר",
        "نوفمبر|تشرين الثاني|נובמבר|בנובמבר",
        "ديسمبر|كانون الأول|كانون الاول|דצמבר|בדצמבר",
    ],
    start=1,
):
    for _name in _names.split("|"):
        MONTHS.setdefault(_name, _number)

#: Headers that certainly close an article when they follow its text: comment sections with a
#: count or a call to comment, author boxes, editor marks.
END_STRONG = re.compile(
    r"^[/#*|»>\s-]*(?:"
    r"(?:there\s+(?:are|is)\s+)?\d[\d.,]*\s*(?:comments?|responses?|replies|kommentare?|"
    r"commentaires?|comentarios?|coment[áa]rios?|commenti|reacties|koment[áa]ř[eůi]?)|"
    r"(?:comments?|kommentare|commentaires|comentarios|comments?\s+and\s+replies)\s*"
    r"[(\[]\s*\d[\d.,]*\s*[)\]]|"
    r"(?:view|show|read|load|see|expand|open)\s+(?:all\s+|the\s+)?(?:\d+\s+)?"
    r"(?:comments?|replies|discussion).*|"
    r"(?:kommentare|commentaires|comentarios)\s+(?:lesen|lire|ver)\b.*|"
    r"reader\s+comments|(?:leave|post|add|write)\s+a\s+(?:comment|reply|response)\b.*|"
    r"(?:no|\d+)\s+comments?\s*:?|sign\s+in\s+to\s+(?:comment|post\s+a\s+comment)\b.*|"
    r"join\s+the\s+(?:conversation|discussion)\b.*|"
    r"(?:about|more\s+by)\s+the\s+authors?|über\s+(?:den|die)\s+autor(?:in)?|"
    r"house\s+rules|comment(?:ing|s)?\s+(?:policy|guidelines|rules)|"
    r"[\[【(（]?\s*(?:责任编辑|責任編輯|编辑|編輯)\s*[:：].{0,30}"
    r")\s*[:：]?\s*$",
    re.IGNORECASE,
)

#: Headers that close an article unless the article text resumes right after them (an inline
#: "Related" box, a share row after the lead): related and popular lists, share and tag rows.
END_WEAK = re.compile(
    r"^[/#*|»>\s-]*(?:"
    r"comments|responses|discussion|"
    r"related(?:\s+(?:articles?|stories|story|posts?|news|content|coverage|reading|links|"
    r"topics|searches|videos?))?|"
    r"more\s+(?:from|like\s+this|stories|articles|news|coverage|on\s+this\s+(?:story|topic))"
    r"\b.{0,40}|more\s+about\s*:.{0,60}|"
    r"more\s+(?:[\w'’]+\s+){1,3}(?:stories|articles|posts|reads|videos)\b.{0,20}|"
    r"(?:most\s+(?:popular|read|viewed|shared|commented|emailed)|popular\s+(?:now|stories|"
    r"posts|articles)|trending(?:\s+now)?|top\s+stories|similar\s+(?:articles|stories|posts)|"
    r"recommended(?:\s+for\s+you)?|read\s+next|what\s+to\s+read\s+next|up\s+next|"
    r"next\s+up\b.{0,30}|see\s+also|you\s+(?:may|might)\s+also\s+(?:like|enjoy)|"
    r"in\s+other\s+news|also\s+on\b.{0,30}|other\s+stories)|"
    r"(?:t[óo]picos|art[íi]culos|noticias|notas)\s+relacionad[oa]s|"
    r"(?:[àa]\s+)?lire\s+aussi|sur\s+le\s+m[êe]me\s+sujet|"
    r"(?:ähnliche|verwandte|weitere)\s+(?:[\w-]+\s+)?(?:beiträge|artikel|themen|nachrichten|"
    r"meldungen|links?)(?:\s+\S+){0,4}|mehr\s+themen|top[- ]themen\b.{0,30}|kommentierte\s+artikel|"
    r"meist(?:gelesen|kommentiert|diskutiert|geteilt)e?(?:\s+(?:artikel|beiträge|nachrichten|"
    r"news|themen))?|die\s+redaktion\s+empfiehlt|"
    r"(?:videos?|beiträge)\s+(?:zum\s+thema|aus\s+dem\s+forum)|schon\s+gelesen\s*\??|"
    r"lesen\s+sie\s+auch\b.{0,40}|contenido\s+relacionado|m[áa]s\s+sobre\b.{0,40}|"
    r"auch\s+interessant|empfohlene\s+(?:beiträge|artikel)|mehr\s+zum\s+thema\b.{0,40}|"
    r"(?:das|dieses|diese)\s+(?:thema|themen)\s+könnten?\s+(?:sie|dich|euch)\s+auch\s+interessieren|"
    r"(?:audios\s+et\s+)?vid[ée]os\s+sur\s+le\s+sujet|"
    r"das\s+(?:könnte|dürfte)\s+(?:sie|dich|euch)\s+(?:auch)?(?:\s+interessieren)?|"
    r"weiterführende\s+links?|zobacz\s+(?:te[żz]|tak[żz]e|r[óo]wnie[żz])|"
    r"(?:otras|m[áa]s)\s+noticias|inf[óo]rmate\s+m[áa]s|pour\s+approfondir|explore\s+further|"
    r"weiterführender\s+link|zum\s+weiterlesen|(?:mehr|videos?)\s+(?:zu|zum|aus)\b.{0,40}|"
    r"mir[áa]\s+tambi[ée]n|lee\s+tambi[ée]n|te\s+puede\s+interesar|leggi\s+anche|"
    r"potrebbe\s+interessarti|vous\s+aimerez\s+aussi|(?:à|a)\s+voir\s+aussi|"
    r"auch\s+(?:auf|bei)\b.{0,30}|související(?:\s+\w+)?|相关(?:阅读|新闻|文章)|"
    r"【?関連(?:記事|ニュース)】?|"
    r"share\s+this(?:\s+(?:story|article|post|page)\b.{0,20})?|"
    r"(?:tags|tagged|topics|labels|filed\s+(?:under|in)|posted\s+in|categories|"
    r"in\s+this\s+article|related\s+topics|etiquetas|schlagworte|themen|temas|mots-cl[ée]s)"
    r"(?:\s*[:：].{0,80})?|"
    rf"(?:©|\(c\)|copyright\b).{{0,150}}|.{{0,120}}\b(?:{RIGHTS_RESERVED})\b.{{0,40}}"
    r")\s*(?:[:：]|…|\.{3})?\s*$",
    re.IGNORECASE,
)

#: Between the parts of a meta line: "04.02.2022 | 13:10 Uhr | Uta Helkenberg",
#: "22. Januar 2020 @ 18:13 // Autor: c1ph4 // ~ Lesezeit: 1 Minute".
META_SEPARATOR = re.compile(r"\s+(?://|[|•·–—-])\s+")

#: A PHP error printed into the page ("Warning: ... in /www/.../classes.php on line 407").
SERVER_MESSAGE = re.compile(
    r"^(?:PHP\s+)?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable )?Fatal error|"
    r"Parse error)\s*:.*\bon line \d+\s*$"
)

#: Navigation and reaction buttons left in a body: "Back to top", "Zurück zur Übersicht",
#: "Gefällt mir".
NAV_LABEL = re.compile(
    r"^(?:(?:back|zurück|retour|volver|torna(?:re)?)\s+(?:to|zu[mr]?|nach|à|a|al|en|alla?)\b.{0,30}|"
    # WordPress's "Like this:" button row is capitalised; "like this:" ends a sentence.
    r"(?:\w+\s+)?gefällt\s+(?:mir|das)(?:\s*:|\s+lade.*)?|(?-i:Like this:)|"
    r"(?-i:Like) (?:Loading|Wird geladen)\W*|j'aime|me\s+gusta|mi\s+piace|"
    # Print, save and share buttons of a recipe or article ("Rezept drucken", "Print recipe").
    r"(?:rezept|tipp|artikel|beitrag|seite|pdf)\s+(?:drucken|favorisieren|merken|teilen|speichern|"
    r"bewerten)|(?:print|save|share|rate)\s+(?:this\s+)?(?:recipe|article|story|page)|"
    r"jump\s+to\s+recipe)$",
    re.IGNORECASE,
)

#: Interface prompts and instructions, which look like headlines but tell the reader what to do.
PROMPT_PATTERN = re.compile(
    r"^(?:please\s+)?(?:change|click|tap|press|swipe|scroll|sign\s+(?:in|up)|log\s+in|enter|"
    r"select|choose|edit|upload|publish|accept|type|drag|register|subscribe|download|install|"
    r"enable|allow|update\s+your|create\s+an?\s+account|let\s+us\s+know|tell\s+us|"
    r"ready\s+to\s+publish|are\s+you\s+sure|not\s+a\s+member)\b",
    re.IGNORECASE,
)

#: Labels of photo galleries and slideshows, whose headlines are not the article's.
GALLERY_PATTERN = re.compile(
    r"^(?:view|see|open|show)\s+(?:all\s+)?(?:\d+\s+)?(?:photos?|images?|pictures?|gallery|"
    r"slideshow)\b|^(?:photo|image|picture)\s+gallery\b|^(?:gallery|slideshow|photos)$|"
    r"^\d+\s*(?:of|/)\s*\d+$|^\d+\s+(?:photos|images|pictures|fotos|bilder)$|"
    r"\|\s*\d+\s+photos$|^(?:full\s*screen|autoplay|skip\s+ad)$",
    re.IGNORECASE,
)
