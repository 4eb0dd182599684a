import Foundation
import KontorCore

/// Received mail for the import benchmark: a deterministic mbox (mboxrd) of plain and quoted-printable messages.
enum MailBench {
    /// `count` messages; every second one from a known customer (a note), the rest from strangers (inquiries).
    static func mbox(count: Int, customers: [Customer]) -> [UInt8] {
        let addresses = customers.compactMap(\.email)
        var text = ""
        for index in 0..<count {
            let known = index % 2 == 0 && !addresses.isEmpty
            let from = known ? addresses[index / 2 % addresses.count] : "neu\(index)@anfrage.example"
            text += "From \(from) Thu Nov 26 09:00:00 2026\n"
            text += """
                Message-ID: <bench.\(index)@mail.example>
                Date: Thu, 26 Nov 2026 09:\(String(format: "%02d", index % 60)):00 +0100
                From: =?UTF-8?Q?Absender_=C3=9F\(index)?= <\(from)>
                Subject: =?UTF-8?Q?Anfrage_f=C3=BCr_Texte_Nr._\(index)?=
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Guten Tag, wir br=C3=A4uchten 1.500 W=C3=B6rter bis Mitte Januar. Die Rechnung =
                zahlen wir bis zum 15.12.
                >From the archive.


                """
        }
        return Array(text.utf8)
    }
}
