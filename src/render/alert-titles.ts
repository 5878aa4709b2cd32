import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { alertTypes, englishAlertTitles, type AlertType } from '../markdown/alerts.js';

/** GitHub's icon for each alert. */
const icons: Readonly<Record<AlertType, string>> = {
  note: 'info',
  tip: 'light-bulb',
  important: 'report',
  warning: 'alert',
  caution: 'stop',
};

/**
 * The five titles (note, tip, important, warning, caution) in the languages readers most use, as
 * reviewed by people; every other language takes the engine's translation from its memory.
 */
const titles: Readonly<Record<string, readonly [string, string, string, string, string]>> = {
  en: ['Note', 'Tip', 'Important', 'Warning', 'Caution'],
  ar: ['ملاحظة', 'نصيحة', 'مهم', 'تحذير', 'تنبيه'],
  ast: ['Nota', 'Conseyu', 'Importante', 'Avisu', 'Precaución'],
  ca: ['Nota', 'Consell', 'Important', 'Advertiment', 'Precaució'],
  de: ['Hinweis', 'Tipp', 'Wichtig', 'Warnung', 'Vorsicht'],
  es: ['Nota', 'Consejo', 'Importante', 'Advertencia', 'Precaución'],
  eu: ['Oharra', 'Aholkua', 'Garrantzitsua', 'Abisua', 'Kontuz'],
  fr: ['Remarque', 'Astuce', 'Important', 'Avertissement', 'Attention'],
  gl: ['Nota', 'Consello', 'Importante', 'Aviso', 'Precaución'],
  it: ['Nota', 'Suggerimento', 'Importante', 'Avviso', 'Attenzione'],
  ja: ['注記', 'ヒント', '重要', '警告', '注意'],
  ko: ['참고', '팁', '중요', '경고', '주의'],
  nl: ['Opmerking', 'Tip', 'Belangrijk', 'Waarschuwing', 'Let op'],
  pl: ['Uwaga', 'Wskazówka', 'Ważne', 'Ostrzeżenie', 'Przestroga'],
  pt: ['Nota', 'Dica', 'Importante', 'Aviso', 'Cuidado'],
  ru: ['Примечание', 'Совет', 'Важно', 'Предупреждение', 'Осторожно'],
  sv: ['Obs', 'Tips', 'Viktigt', 'Varning', 'Försiktighet'],
  tr: ['Not', 'İpucu', 'Önemli', 'Uyarı', 'Dikkat'],
  uk: ['Примітка', 'Порада', 'Важливо', 'Попередження', 'Обережно'],
  zh: ['备注', '提示', '重要', '警告', '注意'],
  'zh-Hant': ['備註', '提示', '重要', '警告', '注意'],
};

const order: readonly AlertType[] = alertTypes;

/** An alert's title as the language's memory holds it: written by a person, or by an engine. */
export interface RememberedTitle {
  readonly text: string;
  readonly byHand: boolean;
}

export type RememberedTitles = Partial<Record<AlertType, RememberedTitle>>;

/**
 * An alert's title in `lang`: a person's translation in the memory first, then the table (by full
 * tag, or language and script), then the engine's translation in the memory, then the table by
 * language alone (`pt` for `pt-BR`), then English.
 */
export function alertTitle(type: AlertType, lang: string, remembered: RememberedTitles = {}): string {
  const [language = 'en', second] = lang.split('-');
  const traditional = second === 'Hant' || ['TW', 'HK', 'MO'].includes(second ?? '');
  const exact = titles[lang] ?? (language === 'zh' && traditional ? titles['zh-Hant'] : undefined);
  const memory = remembered[type];
  const index = order.indexOf(type);
  if (memory?.byHand) return memory.text;
  return exact?.[index] ?? memory?.text ?? titles[language]?.[index] ?? englishAlertTitles[type];
}

type Octicons = Record<
  string,
  { heights: Record<string, { ast: { children: Array<{ attributes: { d?: string } }> } }> }
>;

function iconElement(octicons: Octicons, type: AlertType): Element {
  const name = icons[type];
  const paths = octicons[name]?.heights['16']?.ast.children ?? [];
  return {
    type: 'element',
    tagName: 'svg',
    properties: {
      className: ['octicon', `octicon-${name}`],
      viewBox: '0 0 16 16',
      width: 16,
      height: 16,
      ariaHidden: 'true',
    },
    children: paths.map((path) => ({
      type: 'element',
      tagName: 'path',
      properties: { d: path.attributes.d ?? '' },
      children: [],
    })),
  };
}

/**
 * Gives each GitHub alert (`> [!NOTE]`) its title in the page's language (see `alertTitle`) and GitHub's icon. Runs after
 * sanitising, so the icon is our own markup, never the author's.
 */
export function rehypeAlertTitles(lang: string, remembered: RememberedTitles = {}) {
  return async (tree: Root): Promise<undefined> => {
    const found: Array<{ title: Element; type: AlertType }> = [];
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties['className'];
      if (node.tagName !== 'div' || !Array.isArray(classes)) return;
      const type = order.find((name) => classes.includes(`markdown-alert-${name}`));
      const title = node.children.find(
        (child): child is Element =>
          child.type === 'element' &&
          Array.isArray(child.properties['className']) &&
          child.properties['className'].includes('markdown-alert-title'),
      );
      if (type !== undefined && title !== undefined) found.push({ title, type });
    });
    if (found.length === 0) return undefined;
    const octicons = (await import('@primer/octicons')).default as unknown as Octicons;
    for (const { title, type } of found) {
      const children: ElementContent[] = [
        iconElement(octicons, type),
        { type: 'text', value: alertTitle(type, lang, remembered) },
      ];
      title.children = children;
    }
    return undefined;
  };
}
