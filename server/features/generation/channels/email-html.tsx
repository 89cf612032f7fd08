/**
 * The email's HTML part, rendered server-side with React Email: table layout (Container/Section
 * render `<table role="presentation">`), inline styles only, no scripts, no external CSS. The
 * preheader is the hidden preview text; the footer shows the sender, the postal address and the
 * unsubscribe link.
 */
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";
import type { CSSProperties } from "react";

export type EmailHtmlInput = {
  subject: string;
  preheader: string;
  paragraphs: readonly string[];
  cta: { label: string; url: string };
  workspaceName: string;
  senderName: string | null;
  postalAddress: string | null;
  unsubscribeUrl: string | null;
};

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const styles = {
  body: { backgroundColor: "#f4f4f5", margin: "0", padding: "24px 0", fontFamily: FONT },
  container: { backgroundColor: "#ffffff", maxWidth: "600px", padding: "32px", borderRadius: "6px" },
  paragraph: { color: "#18181b", fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  ctaSection: { padding: "8px 0 16px" },
  button: {
    backgroundColor: "#18181b",
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 600,
    textDecoration: "none",
    borderRadius: "4px",
    padding: "12px 20px",
    display: "inline-block",
  },
  hr: { borderColor: "#e4e4e7", margin: "24px 0 16px" },
  footer: { color: "#71717a", fontSize: "12px", lineHeight: "18px", margin: "0 0 8px" },
  footerLink: { color: "#71717a", textDecoration: "underline" },
} satisfies Record<string, CSSProperties>;

/** Text with its line breaks kept as `<br>`. */
function Lines({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}

export function EmailDocument(props: EmailHtmlInput) {
  const { subject, preheader, paragraphs, cta, workspaceName, senderName, postalAddress, unsubscribeUrl } = props;
  const from = senderName?.trim() || workspaceName;
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>{subject}</title>
      </Head>
      {preheader ? <Preview>{preheader}</Preview> : null}
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section>
            {paragraphs.map((p, i) => (
              <Text key={i} style={styles.paragraph}>
                <Lines text={p} />
              </Text>
            ))}
          </Section>
          {cta.label && isHttpUrl(cta.url) ? (
            <Section style={styles.ctaSection}>
              <Button href={cta.url} style={styles.button}>
                {cta.label}
              </Button>
            </Section>
          ) : null}
          <Hr style={styles.hr} />
          <Section>
            <Text style={styles.footer}>You are receiving this email from {from}.</Text>
            {postalAddress?.trim() ? (
              <Text style={styles.footer}>
                {workspaceName}
                <br />
                <Lines text={postalAddress.trim()} />
              </Text>
            ) : null}
            {unsubscribeUrl ? (
              <Text style={styles.footer}>
                <Link href={unsubscribeUrl} style={styles.footerLink}>
                  Unsubscribe
                </Link>{" "}
                from these emails.
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** Renders the complete HTML document (XHTML 1.0 Transitional doctype, as React Email emits it). */
export async function renderEmailHtml(input: EmailHtmlInput): Promise<string> {
  return render(<EmailDocument {...input} />);
}
